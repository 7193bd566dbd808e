/*
 * Loads the published driver exactly as Siebel's Communications Session Manager does (dlopen of the
 * shared object or LoadLibraryW of the DLL, then the first step of the documented load sequence: APIVersion) and checks it.
 * Usage: apiversion_test PATH/libSiebelCtiDriver.so|SiebelCtiDriver.dll [EXPECTED_VERSION [production]]
 * With "production" it also checks that the library is a shipped build: the test-only loopback
 * connector is not in it, so BrokerUri=loopback:// is refused even with SIEBELCTI_DRIVER_TEST_HOOKS=1.
 * Prints one line per check and a final "N passed, N failed" line; exit code 0 only if all passed.
 */
#include "host_platform.h"
#include "scapi_host.h"

typedef long (*api_version_fn)(void);

static int passed, failed;

static void check(int ok, const char *what)
{
  printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
  if (ok) passed++; else failed++;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s PATH/libSiebelCtiDriver.so [EXPECTED_VERSION]\n", argv[0]);
    return 2;
  }
  long expected = argc > 2 ? strtol(argv[2], NULL, 10) : 2;

  host_lib lib = host_lib_open(argv[1]);
  check(lib != NULL, "the driver library loads");
  if (lib == NULL) {
    fprintf(stderr, "load: %s\n", host_lib_error());
  } else {
    api_version_fn api_version = (api_version_fn)host_lib_sym(lib, "APIVersion");
    check(api_version != NULL, "the library exports APIVersion under its exact C name");
    if (api_version != NULL) {
      long version = api_version();
      printf("APIVersion() = %ld\n", version);
      check(version == expected, "APIVersion returns the expected SCAPI version");
      check(api_version() == version, "APIVersion is stable across calls");
    }
    if (argc > 3 && strcmp(argv[3], "production") == 0) {
      CreateISCDriverInstance_fn create = (CreateISCDriverInstance_fn)host_lib_sym(lib, "CreateISCDriverInstance");
      check(create != NULL, "the library exports CreateISCDriverInstance");
      if (create != NULL) {
        host_setenv("SIEBELCTI_DRIVER_TEST_HOOKS", "1");
        struct kv_builder params = {0};
        kv_add(&params, "Driver:BrokerUri", "loopback://");
        ISC_DRIVER_HANDLE driver = NULL;
        ISC_RESULT r = scapi_create(create, "Voice", &params, &driver);
        check(r == SC_EC_DRIVER_CREATION_ERR && driver == NULL,
              "a shipped build has no loopback connector: BrokerUri=loopback:// is refused even with the test hooks variable set");
        kv_free(&params);
      }
    }
    /* The .NET runtime inside the library cannot be unloaded: like Siebel, the host never unloads it. */
  }

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
