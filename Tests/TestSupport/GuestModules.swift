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
