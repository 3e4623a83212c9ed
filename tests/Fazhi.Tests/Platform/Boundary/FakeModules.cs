// Two modules that exist only to show the boundary checks fail on a deliberate reach: Alpha uses Beta's inside and
// one of Beta's string keys; Gamma uses Beta only through its public face. Alpha and Beta each have a Thing.
namespace Fazhi.Tests.Platform.Boundary.Modules.Beta
{
    internal sealed class Secret
    {
        public static int Count => 1;
    }

    /// <summary>Named like Alpha's: their schema ids must still differ.</summary>
    internal sealed record Thing(int Count);
}

namespace Fazhi.Tests.Platform.Boundary.Modules.Beta.Contracts
{
    internal static class Face
    {
        public static int Count => Beta.Secret.Count;
    }
}

namespace Fazhi.Tests.Platform.Boundary.Modules.Alpha
{
    internal static class Reach
    {
        public static int Count => Beta.Secret.Count;
    }

    internal sealed record Thing(string Name);
}

namespace Fazhi.Tests.Platform.Boundary.Modules.Gamma
{
    internal static class Polite
    {
        public static int Count => Beta.Contracts.Face.Count;
    }
}
