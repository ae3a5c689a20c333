import Foundation

/// The sysconfig variables that parity reads, as the real pair built from Debian's python3.11
/// source (3.11.2-6+deb12u8) with clang-14 on Debian 12 recorded them (paths shortened to
/// `/cache/pair`).
enum SysconfigFixtures {
    /// The native side.
    static let native: [String: String] = [
        "ABIFLAGS": "", "CC": "/usr/bin/clang-14",
        "CFLAGS": "-Wsign-compare -Wunreachable-code -DNDEBUG -g -fwrapv -O3 -Wall",
        "CFLAGS_NODIST": "",
        "CONFIGURE_CFLAGS_NODIST":
            "-std=c11 -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wstrict-prototypes -Werror=implicit-function-declaration -fvisibility=hidden",
        "CONFIG_ARGS":
            "'--with-pymalloc' '--with-computed-gotos' '--without-ensurepip' 'CC=/usr/bin/clang-14'",
        "HAVE_COMPUTED_GOTOS": "1", "HOST_GNU_TYPE": "x86_64-pc-linux-gnu", "LIBDEST": "/usr/local/lib/python3.11",
        "LIBS": "-ldl", "MACHDEP": "linux", "MULTIARCH": "x86_64-linux-gnu", "OPT": "-DNDEBUG -g -fwrapv -O3 -Wall",
        "PY_LDFLAGS": "", "PY_LDFLAGS_NODIST": "", "USE_COMPUTED_GOTOS": "1", "VERSION": "3.11",
        "WITH_PYMALLOC": "1", "wasmbench_make_all": "build_all",
        "wasmbench_pybuilddir": "build/lib.linux-x86_64-3.11",
    ]

    /// The WASI side.
    static let wasi: [String: String] = [
        "ABIFLAGS": "",
        "CC": "/cache/pair/toolchain/wasi-sdk/bin/clang --sysroot=/cache/pair/toolchain/wasi-sdk/share/wasi-sysroot",
        "CFLAGS": "-Wsign-compare -Wunreachable-code -DNDEBUG -g -fwrapv -O3 -Wall",
        "CFLAGS_NODIST": "",
        "CONFIGURE_CFLAGS_NODIST":
            "-std=c11 -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wstrict-prototypes -Werror=implicit-function-declaration -fvisibility=hidden",
        "CONFIG_ARGS":
            "'--host=wasm32-unknown-wasi' '--build=x86_64-pc-linux-gnu' '--with-build-python=/cache/pair/native/python' '--with-pymalloc' '--with-computed-gotos' '--without-ensurepip' 'build_alias=x86_64-pc-linux-gnu' 'host_alias=wasm32-unknown-wasi' 'CC=/cache/pair/toolchain/wasi-sdk/bin/clang --sysroot=/cache/pair/toolchain/wasi-sdk/share/wasi-sysroot' 'CPP=/cache/pair/toolchain/wasi-sdk/bin/clang-cpp --sysroot=/cache/pair/toolchain/wasi-sdk/share/wasi-sysroot' 'PKG_CONFIG_PATH=' 'PKG_CONFIG_LIBDIR=/cache/pair/toolchain/wasi-sdk/share/wasi-sysroot/lib/pkgconfig:/cache/pair/toolchain/wasi-sdk/share/wasi-sysroot/share/pkgconfig'",
        "HAVE_COMPUTED_GOTOS": "1", "HOST_GNU_TYPE": "wasm32-unknown-wasi", "LIBDEST": "/usr/local/lib/python3.11",
        "LIBS": "-lwasi-emulated-signal -lwasi-emulated-getpid -lwasi-emulated-process-clocks", "MACHDEP": "wasi",
        "MULTIARCH": "wasm32-wasi", "OPT": "-DNDEBUG -g -fwrapv -O3 -Wall", "PY_LDFLAGS": "",
        "PY_LDFLAGS_NODIST": "-z stack-size=524288 -Wl,--stack-first -Wl,--initial-memory=10485760",
        "USE_COMPUTED_GOTOS": "1", "VERSION": "3.11", "WITH_PYMALLOC": "1", "wasmbench_make_all": "build_wasm",
        "wasmbench_pybuilddir": "build/lib.wasi-wasm32-3.11",
    ]

    /// What configure gives a WASI cross build left to its defaults: pymalloc off, no computed
    /// gotos (configure cannot run its test program), and here also another `OPT`.
    static var wasiDefaults: [String: String] {
        var values = wasi
        values["WITH_PYMALLOC"] = "0"
        values.removeValue(forKey: "HAVE_COMPUTED_GOTOS")
        values.removeValue(forKey: "USE_COMPUTED_GOTOS")
        values["OPT"] = "-DNDEBUG -g -fwrapv -O2 -Wall"
        values["CFLAGS"] = "-Wsign-compare -Wunreachable-code -DNDEBUG -g -fwrapv -O2 -Wall"
        return values
    }

    /// The JSON the sysconfig step writes, for both sides.
    static func json(native: [String: String] = native, wasi: [String: String] = wasi) -> Data {
        (try? JSONSerialization.data(withJSONObject: ["native": native, "wasi": wasi], options: [.sortedKeys]))
            ?? Data()
    }
}
