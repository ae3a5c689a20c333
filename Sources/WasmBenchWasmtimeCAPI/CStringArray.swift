/// NUL-terminated copies of Swift strings in one C array (`const char *const *`), freed when the
/// array is released.
///
/// Keep the array alive (`withExtendedLifetime`) for as long as C reads ``base``.
final class CStringArray {
    /// The first of ``count`` string pointers.
    let base: UnsafeMutablePointer<UnsafePointer<CChar>?>
    /// How many strings there are.
    let count: Int

    /// Copies `strings`; a string with an embedded NUL is cut there, as C would read it.
    init(_ strings: [String]) {
        count = strings.count
        base = .allocate(capacity: max(strings.count, 1))
        for (index, string) in strings.enumerated() {
            let bytes = Array(string.utf8)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (offset, byte) in bytes.enumerated() {
                copy[offset] = CChar(bitPattern: byte)
            }
            copy[bytes.count] = 0
            (base + index).initialize(to: UnsafePointer(copy))
        }
    }

    deinit {
        for index in 0..<count {
            if let string = base[index] {
                UnsafeMutablePointer(mutating: string).deallocate()
            }
        }
        base.deinitialize(count: count)
        base.deallocate()
    }
}
