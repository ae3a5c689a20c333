import Foundation
import WasmBenchRuntime

/// A WASI guest, in WebAssembly text, that checks the ``GuestHosting`` an in-process engine gives
/// it: the WasmKit and wasmtime C API tests run the same one.
///
/// It has no `_start`; its exports are entered as command exports:
/// - `run` prints and checks the name of the first preopened folder (descriptor 3), the content of
///   ``fileName`` inside it and the only environment variable, and returns; a failed check exits
///   with the status in ``Status``;
/// - `create_file` tries to create `new.txt` in the folder and exits with the WASI errno (0 when
///   the folder is writable);
/// - `call_host` calls `host::call`, which no runtime provides;
/// - `takes_argument` takes an `i32`, so it cannot be a command's entry.
///
/// The module imports `host::call`, so instantiating it takes ``GuestHosting/trapUnknownImports``.
public enum HostedTestGuest {
    /// Where the guest expects the folder.
    public static let guestPath = "/data"
    /// The file it reads from the folder.
    public static let fileName = "greeting.txt"
    /// What it expects in the file.
    public static let fileContent = "hello from the mount"
    /// The name of the one variable it expects.
    public static let variableName = "GREETING"
    /// Its value.
    public static let variableValue = "hi"
    /// The variable as `environ_get` gives it.
    public static let variable = "\(variableName)=\(variableValue)"

    /// The exit status of each failed check of `run`.
    public enum Status: Int {
        /// Descriptor 3 is not a preopened folder.
        case noPreopen = 1
        /// The folder's name is not ``guestPath``.
        case wrongGuestPath
        /// ``fileName`` cannot be opened for reading.
        case cannotOpenFile
        /// It cannot be read.
        case cannotReadFile
        /// It does not hold ``fileContent``.
        case wrongFileContent
        /// The environment cannot be read.
        case noEnvironment
        /// It is not ``variable`` alone.
        case wrongVariable
    }

    /// Hosting for the guest: `folder` mounted at ``guestPath`` (holding ``fileName``, written
    /// here), ``variable`` set and the command entered through `entry`.
    public static func hosting(mounting folder: URL, entry: String = "run", trapUnknownImports: Bool = true) throws
        -> GuestHosting
    {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(fileContent.utf8).write(to: folder.appendingPathComponent(fileName))
        return GuestHosting(
            mounts: [GuestHosting.Mount(hostPath: folder.path, guestPath: guestPath)],
            environment: [variableName: variableValue], commandExport: entry, trapUnknownImports: trapUnknownImports)
    }

    /// The guest's text. Memory: scratch iovec at 0, byte count at 8, prestat at 16, environment
    /// sizes at 24, opened descriptor at 32, constant strings from 64, buffers from 512.
    public static let wat = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_dir_name"
            (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_open"
            (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (import "host" "call" (func $host_call (param i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 64) "\(fileName)")
          (data (i32.const 80) "\\n")
          (data (i32.const 96) "new.txt")
          (data (i32.const 128) "\(guestPath)")
          (data (i32.const 192) "\(fileContent)")
          (data (i32.const 256) "\(variable)")

          ;; Writes the bytes and a line break to stdout.
          (func $print (param $ptr i32) (param $len i32)
            (i32.store (i32.const 0) (local.get $ptr))
            (i32.store (i32.const 4) (local.get $len))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (i32.store (i32.const 0) (i32.const 80))
            (i32.store (i32.const 4) (i32.const 1))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

          ;; The length of the NUL-terminated string at $ptr.
          (func $strlen (param $ptr i32) (result i32)
            (local $end i32)
            (local.set $end (local.get $ptr))
            (block $done
              (loop $next
                (br_if $done (i32.eqz (i32.load8_u (local.get $end))))
                (local.set $end (i32.add (local.get $end) (i32.const 1)))
                (br $next)))
            (i32.sub (local.get $end) (local.get $ptr)))

          ;; Exits with $status when a WASI call returned an error.
          (func $must (param $errno i32) (param $status i32)
            (if (local.get $errno) (then (call $proc_exit (local.get $status)))))

          ;; Prints the bytes, then exits with $status unless they equal the expected ones.
          (func $expect (param $ptr i32) (param $len i32) (param $expected i32) (param $expected_len i32)
                        (param $status i32)
            (local $i i32)
            (call $print (local.get $ptr) (local.get $len))
            (if (i32.ne (local.get $len) (local.get $expected_len)) (then (call $proc_exit (local.get $status))))
            (block $done
              (loop $next
                (br_if $done (i32.eq (local.get $i) (local.get $len)))
                (if (i32.ne (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))
                            (i32.load8_u (i32.add (local.get $expected) (local.get $i))))
                  (then (call $proc_exit (local.get $status))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next))))

          (func (export "run")
            ;; The first preopen is the folder, named by its guest path.
            (call $must (call $fd_prestat_get (i32.const 3) (i32.const 16)) (i32.const \(Status.noPreopen.rawValue)))
            (call $must (call $fd_prestat_dir_name (i32.const 3) (i32.const 512) (i32.load (i32.const 20)))
              (i32.const \(Status.noPreopen.rawValue)))
            (call $expect (i32.const 512) (i32.load (i32.const 20))
              (i32.const 128) (i32.const \(guestPath.utf8.count)) (i32.const \(Status.wrongGuestPath.rawValue)))
            ;; The file in it, opened with the right to read (2) only.
            (call $must
              (call $path_open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const \(fileName.utf8.count))
                (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 32))
              (i32.const \(Status.cannotOpenFile.rawValue)))
            (i32.store (i32.const 0) (i32.const 1024))
            (i32.store (i32.const 4) (i32.const 256))
            (call $must (call $fd_read (i32.load (i32.const 32)) (i32.const 0) (i32.const 1) (i32.const 8))
              (i32.const \(Status.cannotReadFile.rawValue)))
            (call $expect (i32.const 1024) (i32.load (i32.const 8))
              (i32.const 192) (i32.const \(fileContent.utf8.count)) (i32.const \(Status.wrongFileContent.rawValue)))
            ;; The only variable: its NAME=value string up to the NUL. (WasmKit 0.4.2's
            ;; environ_sizes_get counts one byte too many per variable, so the size is no guide.)
            (call $must (call $environ_sizes_get (i32.const 24) (i32.const 28))
              (i32.const \(Status.noEnvironment.rawValue)))
            (call $must (call $environ_get (i32.const 1536) (i32.const 1792))
              (i32.const \(Status.noEnvironment.rawValue)))
            (if (i32.ne (i32.load (i32.const 24)) (i32.const 1))
              (then (call $proc_exit (i32.const \(Status.wrongVariable.rawValue)))))
            (call $expect (i32.load (i32.const 1536)) (call $strlen (i32.load (i32.const 1536)))
              (i32.const 256) (i32.const \(variable.utf8.count)) (i32.const \(Status.wrongVariable.rawValue))))

          ;; Creates new.txt (oflags creat = 1, right to write = 64) and exits with the errno.
          (func (export "create_file")
            (call $proc_exit
              (call $path_open (i32.const 3) (i32.const 0) (i32.const 96) (i32.const 7)
                (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 32))))

          (func (export "call_host")
            (drop (call $host_call (i32.const 1))))

          (func (export "takes_argument") (param i32))
          (func (export "returns_zero") (result i32) (i32.const 0))
          (func (export "returns_seven") (result i32) (i32.const 7)))
        """
}
