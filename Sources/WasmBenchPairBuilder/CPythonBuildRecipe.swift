/// The choices that make the two builds a matched pair: the same optimisation flags and the same
/// configure options on both sides, stated explicitly rather than left to each side's defaults.
///
/// CPython's configure picks different defaults for a WASI cross build: pymalloc off and, since
/// it cannot run its test program, computed gotos off. The recipe turns both on for both sides
/// (clang lowers computed gotos to a `br_table` on wasm32), so that a ratio measures the target,
/// not two interpreters built differently. LTO and PGO stay off on both sides.
public struct CPythonBuildRecipe: Sendable, Equatable, Codable {
    /// `OPT` for both sides; configure prepends `-DNDEBUG` itself. The default is what CPython's
    /// configure picks for clang, written out so that no side's default can drift.
    public var opt: String
    /// Configure options both sides get.
    public var sharedArguments: [String]

    /// Creates a recipe.
    public init(opt: String, sharedArguments: [String]) {
        self.opt = opt
        self.sharedArguments = sharedArguments
    }

    /// `-O3` with CPython's usual companions, pymalloc and computed gotos on, no ensurepip.
    /// The debug information is DWARF 4 (`-gdwarf-4`, not clang 14's default DWARF 5), which
    /// Debian 12's valgrind 3.19 can read, so `wasmbench explain` can profile the native side;
    /// it changes no code.
    public static let standard = CPythonBuildRecipe(
        opt: "-g -gdwarf-4 -fwrapv -O3 -Wall",
        sharedArguments: ["--with-pymalloc", "--with-computed-gotos", "--without-ensurepip"])

    /// The revision of the way wasmbench builds the pair (steps, environment, layout); part of
    /// the cache key, bumped whenever a change would make an old cache entry differ from a new one.
    public static let revision = 2

    /// The environment variables removed from both builds' environments, so that nothing set in
    /// the user's shell enters one build (or both) unrecorded.
    public static let scrubbedVariables: Set<String> = [
        "AR", "CC", "CFLAGS", "CONFIG_SITE", "CPP", "CPPFLAGS", "CXX", "CXXFLAGS", "LDFLAGS", "LDSHARED", "LIBS",
        "MAKEFLAGS", "MFLAGS", "OPT", "PKG_CONFIG_LIBDIR", "PKG_CONFIG_PATH", "PKG_CONFIG_SYSROOT_DIR",
        "PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP", "RANLIB", "WASI_SDK_PATH", "WASI_SYSROOT",
    ]
}
