// The read-only file system the browser driver's page gives a guest in its hosted mode (see
// browser-driver.mjs): the two functions below are written into the page as source, so they use
// nothing from this module or from Node. The tests import them to check the WASI calls in Node.
//
// A mount is a tree the driver walked: a folder is {d: {NAME: NODE}, m: MTIME-NS}, a file
// {f: NUMBER, s: SIZE, m: MTIME-NS}. Errors are WASI preview1 errno values.

// The page's read-only file system over the mounts' trees (a function of its own, written into the
// page as source). Preopens take descriptors 3, 4, …; paths resolve inside the descriptor's folder
// only ('..' past it is not capable); opening to write, create or truncate is a read-only file system.
export function makeFileSystem(preopens, fetchFile, buffer) {
  const E = { badf: 8, inval: 28, io: 29, isdir: 31, noent: 44, notdir: 54, rofs: 69, notcapable: 76 };
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const view = () => new DataView(buffer());
  const bytes = (pointer, length) => new Uint8Array(buffer(), pointer, length);
  const inodes = new Map();
  const inode = (node) => {
    if (!inodes.has(node)) inodes.set(node, BigInt(inodes.size + 1));
    return inodes.get(node);
  };
  const kind = (node) => (node.d ? 3 : 4);
  const open = new Map();
  let next = 3;
  for (const [index, preopen] of preopens.entries()) open.set(next++, { node: preopen.tree, offset: 0, preopen: index });
  function resolve(fd, pointer, length) {
    const base = open.get(fd);
    if (!base) return E.badf;
    if (!base.node.d) return E.notdir;
    const path = decoder.decode(bytes(pointer, length));
    if (path.startsWith('/')) return E.notcapable;
    const stack = [base.node];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (stack.length === 1) return E.notcapable;
        stack.pop();
        continue;
      }
      const folder = stack[stack.length - 1];
      if (!folder.d) return E.notdir;
      if (!Object.hasOwn(folder.d, part)) return E.noent;
      stack.push(folder.d[part]);
    }
    return stack[stack.length - 1];
  }
  function contents(node) {
    if (node.c === undefined) node.c = fetchFile(node.f);
    return node.c;
  }
  function filestat(node, pointer) {
    bytes(pointer, 64).fill(0);
    const v = view();
    v.setBigUint64(pointer + 8, inode(node), true);
    v.setUint8(pointer + 16, kind(node));
    v.setBigUint64(pointer + 24, 1n, true);
    v.setBigUint64(pointer + 32, BigInt(node.d ? 4096 : node.s), true);
    for (const offset of [40, 48, 56]) v.setBigUint64(pointer + offset, BigInt(node.m ?? '0'), true);
    return 0;
  }
  function read(fd, iovs, count, readPointer, at) {
    const entry = open.get(fd);
    if (!entry) return E.badf;
    if (entry.node.d) return E.isdir;
    const data = contents(entry.node);
    if (!data) return E.io;
    let position = at ?? entry.offset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const pointer = view().getUint32(iovs + 8 * i, true);
      const length = view().getUint32(iovs + 8 * i + 4, true);
      const n = Math.max(0, Math.min(length, data.length - position));
      bytes(pointer, n).set(data.subarray(position, position + n));
      position += n;
      total += n;
      if (n < length) break;
    }
    if (at === undefined) entry.offset = position;
    view().setUint32(readPointer, total, true);
    return 0;
  }
  return {
    owns: (fd) => open.has(fd),
    fd_prestat_get(fd, pointer) {
      const entry = open.get(fd);
      if (!entry || entry.preopen === undefined) return E.badf;
      view().setUint8(pointer, 0);
      view().setUint32(pointer + 4, encoder.encode(preopens[entry.preopen].guest).length, true);
      return 0;
    },
    fd_prestat_dir_name(fd, pointer, length) {
      const entry = open.get(fd);
      if (!entry || entry.preopen === undefined) return E.badf;
      const name = encoder.encode(preopens[entry.preopen].guest);
      bytes(pointer, Math.min(length, name.length)).set(name.subarray(0, length));
      return 0;
    },
    fd_fdstat_get(fd, pointer) {
      const entry = open.get(fd);
      if (!entry) return E.badf;
      bytes(pointer, 24).fill(0);
      view().setUint8(pointer, kind(entry.node));
      view().setBigUint64(pointer + 8, 0x1fffffffn, true);
      view().setBigUint64(pointer + 16, 0x1fffffffn, true);
      return 0;
    },
    fd_filestat_get(fd, pointer) {
      const entry = open.get(fd);
      return entry ? filestat(entry.node, pointer) : E.badf;
    },
    path_filestat_get(fd, flags, pathPointer, pathLength, pointer) {
      const node = resolve(fd, pathPointer, pathLength);
      return typeof node === 'number' ? node : filestat(node, pointer);
    },
    path_open(fd, dirflags, pathPointer, pathLength, oflags, rightsBase, rightsInheriting, fdflags, fdPointer) {
      const node = resolve(fd, pathPointer, pathLength);
      if ((oflags & (1 | 4 | 8)) !== 0 || (fdflags & 1) !== 0 || (BigInt(rightsBase) & (1n << 6n)) !== 0n) {
        return typeof node === 'number' && node !== E.noent ? node : E.rofs;
      }
      if (typeof node === 'number') return node;
      if ((oflags & 2) !== 0 && !node.d) return E.notdir;
      open.set(next, { node, offset: 0 });
      view().setUint32(fdPointer, next++, true);
      return 0;
    },
    path_readlink(fd, pathPointer, pathLength) {
      const node = resolve(fd, pathPointer, pathLength);
      return typeof node === 'number' ? node : E.inval;
    },
    fd_close(fd) {
      return open.delete(fd) ? 0 : E.badf;
    },
    fd_read(fd, iovs, count, readPointer) {
      return read(fd, iovs, count, readPointer);
    },
    fd_pread(fd, iovs, count, offset, readPointer) {
      return read(fd, iovs, count, readPointer, Number(offset));
    },
    fd_seek(fd, offset, whence, pointer) {
      const entry = open.get(fd);
      if (!entry) return E.badf;
      const base = whence === 0 ? 0 : whence === 1 ? entry.offset : whence === 2 ? (entry.node.s ?? 0) : NaN;
      const position = base + Number(offset);
      if (!(position >= 0)) return E.inval;
      entry.offset = position;
      view().setBigUint64(pointer, BigInt(position), true);
      return 0;
    },
    fd_tell(fd, pointer) {
      const entry = open.get(fd);
      if (!entry) return E.badf;
      view().setBigUint64(pointer, BigInt(entry.offset), true);
      return 0;
    },
    fd_readdir(fd, pointer, length, cookie, usedPointer) {
      const entry = open.get(fd);
      if (!entry) return E.badf;
      if (!entry.node.d) return E.notdir;
      const names = ['.', '..', ...Object.keys(entry.node.d)];
      let used = 0;
      for (let i = Number(cookie); i < names.length && used < length; i++) {
        const name = encoder.encode(names[i]);
        const child = i === 0 ? entry.node : i === 1 ? entry.node : entry.node.d[names[i]];
        const record = new Uint8Array(24 + name.length);
        const v = new DataView(record.buffer);
        v.setBigUint64(0, BigInt(i + 1), true);
        v.setBigUint64(8, inode(child), true);
        v.setUint32(16, name.length, true);
        v.setUint8(20, kind(child));
        record.set(name, 24);
        const n = Math.min(record.length, length - used);
        bytes(pointer + used, n).set(record.subarray(0, n));
        used += n;
      }
      view().setUint32(usedPointer, used, true);
      return 0;
    },
  };
}

// A mounted file's bytes by its number, fetched synchronously from the driver when the guest opens
// it (written into the page as source); null when the driver does not serve it.
export function fetchFile(number) {
  const request = new XMLHttpRequest();
  request.open('GET', 'fs/' + number, false);
  request.overrideMimeType('text/plain; charset=x-user-defined');
  request.send();
  if (request.status !== 200) return null;
  const text = request.responseText;
  const data = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i) & 0xff;
  return data;
}
