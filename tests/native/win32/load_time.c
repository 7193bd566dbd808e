/*
 * Start-up cost of a driver build, as Siebel pays it: LoadLibraryW (dlopen on Linux), the first
 * APIVersion call (the hosted win-x86 route starts the .NET runtime here) and the first
 * CreateISCDriverInstance (the driver's own start: options, logging, the test-only loopback link).
 * A measurement for docs/benchmarks.md, not a test: it prints the three times in milliseconds.
 * Usage: load_time PATH/SiebelCtiDriver.dll   (a test build of artifacts/driver-test: it uses the loopback connector)
 */
#include "../host_platform.h"
#include "../scapi_host.h"

int main(int argc, char **argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: %s PATH/SiebelCtiDriver.dll\n", argv[0]);
    return 2;
  }
  host_setenv("SIEBELCTI_DRIVER_TEST_HOOKS", "1");
  int64_t t0 = host_now_ms();
  host_lib lib = host_lib_open(argv[1]);
  if (lib == NULL) {
    fprintf(stderr, "load failed: %s\n", host_lib_error());
    return 1;
  }
  int64_t t1 = host_now_ms();
  APIVersion_fn api_version = (APIVersion_fn)host_lib_sym(lib, "APIVersion");
  CreateISCDriverInstance_fn create = (CreateISCDriverInstance_fn)host_lib_sym(lib, "CreateISCDriverInstance");
  ReleaseISCDriverInstance_fn release = (ReleaseISCDriverInstance_fn)host_lib_sym(lib, "ReleaseISCDriverInstance");
  if (api_version == NULL || create == NULL || release == NULL) return 1;
  long version = api_version();
  int64_t t2 = host_now_ms();
  struct kv_builder params = { 0 };
  kv_add(&params, "BrokerUri", "loopback://");
  ISC_DRIVER_HANDLE driver = NULL;
  ISC_RESULT rc = scapi_create(create, "Voice", &params, &driver);
  int64_t t3 = host_now_ms();
  if (rc == 0) release(driver);
  printf("load %lld ms, first APIVersion (=%ld) %lld ms, first CreateISCDriverInstance (=%ld) %lld ms\n",
    (long long)(t1 - t0), version, (long long)(t2 - t1), (long)rc, (long long)(t3 - t2));
  kv_free(&params);
  return rc == 0 ? 0 : 1;
}
