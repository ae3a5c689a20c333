import Foundation
import Testing
import WasmBenchProcess

@testable import WasmBenchSubprocess

/// The read-only file system the browser page gives an interpreter (`Drivers/browser-fs.mjs`),
/// driven through its WASI calls in Node against a memory of its own: reads, seeks, directory
/// listings, stat, and every way out of a mount or into writing refused with the right errno.
@Suite("The browser page's read-only file system, through its WASI calls in Node")
struct BrowserFileSystemTests {
    let setting = AdapterSetting()

    /// The script: one tree with a file and a folder, each call's result recorded by name.
    static let script = #"""
        const { makeFileSystem } = await import(process.argv[2]);
        const memory = new WebAssembly.Memory({ initial: 1 });
        const tree = { d: { 'a.txt': { f: 0, s: 5, m: '1000000000' }, sub: { d: { 'b.py': { f: 1, s: 3, m: '2' } }, m: '3' } }, m: '4' };
        const contents = [new TextEncoder().encode('hello'), new TextEncoder().encode('abc')];
        const fs = makeFileSystem([{ guest: '/lib', tree }], (n) => contents[n] ?? null, () => memory.buffer);
        const view = new DataView(memory.buffer);
        const bytes = new Uint8Array(memory.buffer);
        const path = (text) => { const e = new TextEncoder().encode(text); bytes.set(e, 200); return e.length; };
        const open = (text, oflags = 0, rights = 2n) => { const r = fs.path_open(3, 0, 200, path(text), oflags, rights, 0n, 0, 300); return r === 0 ? view.getUint32(300, true) : -r; };
        const text = (at, n) => new TextDecoder().decode(bytes.slice(at, at + n));
        const read = (fd, length) => { view.setUint32(400, 500, true); view.setUint32(404, length, true); const r = fs.fd_read(fd, 400, 1, 600); return r === 0 ? text(500, view.getUint32(600, true)) : -r; };
        const out = {};
        out.prestat = [fs.fd_prestat_get(3, 0), view.getUint8(0), view.getUint32(4, true), fs.fd_prestat_get(4, 0)];
        fs.fd_prestat_dir_name(3, 100, 4);
        out.dirName = text(100, 4);
        const a = open('a.txt');
        out.reads = [read(a, 3), read(a, 3), read(a, 3)];
        out.seek = [fs.fd_seek(a, 1n, 0, 700), Number(view.getBigUint64(700, true)), read(a, 10)];
        out.seekEnd = [fs.fd_seek(a, -2n, 2, 700), Number(view.getBigUint64(700, true)), fs.fd_seek(a, -9n, 1, 700)];
        view.setUint32(400, 500, true); view.setUint32(404, 2, true);
        out.pread = [fs.fd_pread(a, 400, 1, 3n, 600), text(500, view.getUint32(600, true))];
        out.opens = {
          dotdot: open('sub/../a.txt') > 3, missing: open('missing'), escape: open('../etc'), absolute: open('/etc'),
          throughFile: open('a.txt/x'), proto: open('__proto__'), create: open('new.txt', 1), truncate: open('a.txt', 8),
          write: open('a.txt', 0, 1n << 6n), folderAsFile: open('a.txt', 2), escapeMissing: open('../x', 1),
        };
        out.readFolder = read(3, 4);
        fs.path_filestat_get(3, 0, 200, path('sub'), 800);
        out.folderStat = [view.getUint8(816), Number(view.getBigUint64(848, true))];
        fs.path_filestat_get(3, 0, 200, path('a.txt'), 800);
        out.fileStat = [view.getUint8(816), Number(view.getBigUint64(832, true)), Number(view.getBigUint64(840, true))];
        const sub = open('sub', 2);
        fs.fd_readdir(sub, 1000, 256, 0n, 1300);
        const used = view.getUint32(1300, true);
        const names = [];
        for (let at = 1000; at < 1000 + used;) { const n = view.getUint32(at + 16, true); names.push([text(at + 24, n), view.getUint8(at + 20), Number(view.getBigUint64(at, true))]); at += 24 + n; }
        out.listing = names;
        fs.fd_readdir(sub, 1000, 256, 2n, 1300);
        out.fromCookie = [view.getUint32(1300, true), text(1024, 4)];
        fs.fd_readdir(sub, 1000, 30, 0n, 1300);
        out.truncated = view.getUint32(1300, true);
        out.close = [fs.fd_close(a), fs.fd_close(a), read(a, 1), fs.owns(3), fs.owns(a)];
        for (const [name, value] of Object.entries(out)) console.log(name + ' ' + JSON.stringify(value));
        """#

    @Test("reads, seeks, stats and listings work; escapes, writes and bad descriptors get their errno")
    func calls() throws {
        let node = try #require(BrowserDriverTokenTests.program("node"), "node runs the file system's test")
        // The module ships next to the browser driver, which imports it.
        let driver = try #require(BrowserRuntime.driverPath)
        let module = URL(fileURLWithPath: driver).deletingLastPathComponent().appendingPathComponent("browser-fs.mjs")
        let script = setting.folder.path("fs-test.mjs")
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        let output = try ProcessLauncher().capture(node, [script, module.absoluteString], environment: [:])
        #expect(output.termination == .exited(0), "\(output.stderr)")
        // One line per call: its name, then its result as JSON.
        var result: [String: String] = [:]
        for line in output.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        #expect(result["prestat"] == "[0,0,4,8]", "\(output.stdout)")
        #expect(result["dirName"] == #""/lib""#)
        #expect(result["reads"] == #"["hel","lo",""]"#)
        #expect(result["seek"] == #"[0,1,"ello"]"#)
        #expect(result["seekEnd"] == "[0,3,28]")
        #expect(result["pread"] == #"[0,"lo"]"#)
        // ENOENT 44, ENOTCAPABLE 76, ENOTDIR 54, EROFS 69, EISDIR 31, EBADF 8.
        #expect(
            result["opens"]
                == #"{"dotdot":true,"missing":-44,"escape":-76,"absolute":-76,"throughFile":-54,"proto":-44,"create":-69,"truncate":-69,"write":-69,"folderAsFile":-54,"escapeMissing":-76}"#
        )
        #expect(result["readFolder"] == "-31")
        #expect(result["folderStat"] == "[3,3]")
        #expect(result["fileStat"] == "[4,5,1000000000]")
        #expect(result["listing"] == #"[[".",3,1],["..",3,2],["b.py",4,3]]"#)
        #expect(result["fromCookie"] == #"[28,"b.py"]"#)
        #expect(result["truncated"] == "30")
        #expect(result["close"] == "[0,8,-8,true,false]")
    }
}
