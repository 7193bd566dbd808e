using System.Xml.Linq;

namespace SiebelCti.Connector.Core.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, read from the project files: a project reference
/// or package that breaks them fails here, not in a review.
/// </summary>
public sealed class DependencyRuleTests
{
    /// <summary>Each product assembly and the only product projects it may reference.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Interop/Interop.csproj"] = [],
        ["OpenWire/OpenWire.csproj"] = [],
        ["Finesse/Finesse.csproj"] = [],
        ["Connector.Contract/Connector.Contract.csproj"] = ["OpenWire/OpenWire.csproj"],
        ["Connector.Core/Connector.Core.csproj"] = ["OpenWire/OpenWire.csproj", "Finesse/Finesse.csproj", "Connector.Contract/Connector.Contract.csproj"],
        ["Driver/Driver.csproj"] = ["Interop/Interop.csproj", "OpenWire/OpenWire.csproj", "Connector.Contract/Connector.Contract.csproj"],
        ["Connector.Service/Connector.Service.csproj"] = ["Connector.Core/Connector.Core.csproj", "OpenWire/OpenWire.csproj", "Finesse/Finesse.csproj", "Connector.Contract/Connector.Contract.csproj"],
    };

    /// <summary>Libraries loaded by hosts we do not own (Siebel, any Connector host): no logging backend, no web stack.</summary>
    private static readonly string[] Libraries =
        ["Interop/Interop.csproj", "OpenWire/OpenWire.csproj", "Finesse/Finesse.csproj", "Connector.Contract/Connector.Contract.csproj", "Connector.Core/Connector.Core.csproj"];

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiebelCtiDriver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SiebelCtiDriver.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every project file of the repository (build output, artifacts and dot folders such as .run skipped).</summary>
    private static IEnumerable<string> Projects()
    {
        var found = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(Root)]);
        while (pending.TryPop(out var dir))
        {
            found.AddRange(dir.EnumerateFiles("*.csproj").Select(f => Path.GetRelativePath(Root, f.FullName).Replace('\\', '/')));
            foreach (var sub in dir.EnumerateDirectories())
            {
                if (!sub.Name.StartsWith('.') && sub.Name is not ("bin" or "obj" or "artifacts" or "node_modules") && !sub.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }
        }

        return found.Order(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ProjectReferences(string project)
    {
        var dir = Path.GetDirectoryName(Path.Combine(Root, project))!;
        return XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(dir, ((string)r.Attribute("Include")!).Replace('\\', '/')))).Replace('\\', '/'));
    }

    private static IEnumerable<string> Packages(string project) =>
        XDocument.Load(Path.Combine(Root, project)).Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => (string)e.Attribute("Include")!);

    [Fact]
    public void Every_project_is_a_product_assembly_or_lives_under_tests_samples_or_benchmarks()
    {
        var unplaced = Projects().Where(p => !Allowed.ContainsKey(p) && p.Split('/')[0] is not ("tests" or "samples" or "benchmarks")).ToList();

        Assert.True(unplaced.Count == 0, $"projects outside the rules of docs/architecture.md: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void Product_assemblies_reference_only_what_the_layering_allows()
    {
        var broken = Allowed.SelectMany(rule => ProjectReferences(rule.Key).Where(r => !rule.Value.Contains(r)).Select(r => $"{rule.Key} -> {r}")).ToList();

        Assert.True(broken.Count == 0, $"references against the layering: {string.Join(", ", broken)}");
    }

    [Fact]
    public void Samples_and_benchmarks_use_the_libraries_never_the_hosts()
    {
        var hosts = new[] { "Driver/Driver.csproj", "Connector.Service/Connector.Service.csproj" };
        var broken = Projects().Where(p => p.Split('/')[0] is "samples" or "benchmarks")
            .SelectMany(p => ProjectReferences(p).Where(hosts.Contains).Select(r => $"{p} -> {r}")).ToList();

        Assert.True(broken.Count == 0, $"samples or benchmarks referencing a host: {string.Join(", ", broken)}");
    }

    [Fact]
    public void The_libraries_bring_no_logging_backend_and_no_web_stack()
    {
        var broken = Libraries.SelectMany(p => Packages(p)
            .Where(name => name.StartsWith("NLog", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) || name == "Microsoft.Extensions.Logging")
            .Select(name => $"{p}: {name}")).ToList();

        Assert.True(broken.Count == 0, $"the libraries reference: {string.Join(", ", broken)}");
    }

    [Fact]
    public void A_library_shows_its_internals_only_to_its_own_tests_and_the_benchmarks()
    {
        // The benchmarks are the assemblies of benchmarks/ (the codec benchmarks, the OpenWire load driver's wire timing).
        var benchmarks = Directory.GetFiles(Path.Combine(Root, "benchmarks"), "*.csproj", SearchOption.AllDirectories)
            .Select(f => XDocument.Load(f).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault() ?? Path.GetFileNameWithoutExtension(f))
            .ToHashSet();
        Assert.Contains("Connector.Benchmarks", benchmarks);
        var broken = Libraries.SelectMany(p =>
        {
            var own = "SiebelCti." + Path.GetFileNameWithoutExtension(p) + ".Tests";
            return XDocument.Load(Path.Combine(Root, p)).Descendants("InternalsVisibleTo")
                .Select(e => (string)e.Attribute("Include")!)
                .Where(name => name != own && !benchmarks.Contains(name))
                .Select(name => $"{p}: {name}");
        }).ToList();

        Assert.True(broken.Count == 0, $"internals visible to other assemblies: {string.Join(", ", broken)}");
    }
}
