/// Tiny WASI guests in WAT text, for tests of how wasmbench handles what guests do.
public enum GuestModules {
    private static func printing(_ text: String, exitCode: Int = 0) -> String {
        let length = text.utf8.count
        let escaped = text.replacingOccurrences(of: "\n", with: "\\n")
        return """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "\(escaped)")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const \(length)))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $proc_exit (i32.const \(exitCode)))))
            """
    }

    /// Prints a line and exits 0.
    public static let hello = printing("hello\n")
    /// Exits with status 3.
    public static let exitThree = printing("bye\n", exitCode: 3)
    /// Reports a failed self-check in wasmbench's marker protocol.
    public static let wrongResult = printing("wasmbench:iter 0 1000\nwasmbench:check fail got=1 want=2\n")
    /// Traps at once (`unreachable`).
    public static let trap = "(module (func (export \"_start\") unreachable))"
    /// Never ends.
    public static let hang = "(module (func (export \"_start\") (loop $l (br $l))))"
    /// An exported function to invoke.
    public static let add =
        "(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))"
}

extension GuestModules {
    /// Entered through `run` (its `_start` traps), imports `host::call` without calling it, and
    /// prints the name of its first preopened folder and its first environment variable.
    public static let hosted = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $dirname (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_sizes_get" (func $esizes (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_get" (func $eget (param i32 i32) (result i32)))
          (import "host" "call" (func $hc (param i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 99) "\\n")
          (func $print (param $ptr i32) (param $len i32)
            (i32.store (i32.const 0) (local.get $ptr))
            (i32.store (i32.const 4) (local.get $len))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (i32.store (i32.const 0) (i32.const 99))
            (i32.store (i32.const 4) (i32.const 1))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
          (func (export "_start") unreachable)
          (func (export "run")
            (if (i32.eqz (call $prestat (i32.const 3) (i32.const 16)))
              (then
                (drop (call $dirname (i32.const 3) (i32.const 100) (i32.load (i32.const 20))))
                (call $print (i32.const 100) (i32.load (i32.const 20)))))
            (drop (call $esizes (i32.const 24) (i32.const 28)))
            (if (i32.gt_u (i32.load (i32.const 24)) (i32.const 0))
              (then
                (drop (call $eget (i32.const 200) (i32.const 300)))
                (call $print (i32.const 300) (i32.sub (i32.load (i32.const 28)) (i32.const 1)))))))
        """
}

extension GuestModules {
    /// Writes 4 KiB of `x` to the descriptor `fd` (1 stdout, 2 stderr) over and over, forever.
    public static func writesForever(fd: Int = 1) -> String {
        """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "_start")
            (memory.fill (i32.const 64) (i32.const 120) (i32.const 4096))
            (i32.store (i32.const 0) (i32.const 64))
            (i32.store (i32.const 4) (i32.const 4096))
            (loop $forever
              (drop (call $fd_write (i32.const \(fd)) (i32.const 0) (i32.const 1) (i32.const 8)))
              (br $forever))))
        """
    }
}
