// Renders a wasmbench HTML report in headless Chromium as a reader would see it, and checks it.
//
//   node report-screenshot.mjs CHROMIUM REPORT.html OUT_DIR WIDTHxHEIGHT [WIDTHxHEIGHT…]
//
// For each viewport size it loads the page (a file: URL; the report loads nothing), saves a
// full-page screenshot to OUT_DIR, and checks that:
//   - the page logged no console error and threw no exception;
//   - every chart (`svg.chart`) has a size, fits in the viewport's width, and drew something: a
//     screenshot of its box has at least 2% of its pixels away from the page background and at
//     least three colours;
//   - no table's first column wraps a workload name (`tbody th` is one line high or holds a <br>).
// It prints one JSON object on stdout ({pages: [...], problems: [...]}) and exits 1 when there are
// problems, 2 when Chromium could not be driven.
//
// Chromium is driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`: it
// reads commands on fd 3 and writes replies on fd 4, each a JSON text ended by a NUL byte), so no
// port is opened. Screenshots are PNGs, decoded here with node:zlib.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { inflateSync } from "node:zlib";

const [chromium, report, outDir, ...sizes] = process.argv.slice(2);
if (!chromium || !report || !outDir || sizes.length === 0) {
  console.error("usage: node report-screenshot.mjs CHROMIUM REPORT.html OUT_DIR WIDTHxHEIGHT…");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "wasmbench-screenshot-"));
const browser = spawn(
  chromium,
  [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--hide-scrollbars", "--remote-debugging-pipe", `--user-data-dir=${profile}`, "about:blank",
  ],
  { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"], detached: true },
);
const commands = browser.stdio[3];
const replies = browser.stdio[4];
let stderr = "";
browser.stdio[2].on("data", (chunk) => { if (stderr.length < 16384) stderr += chunk; });

let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = Buffer.alloc(0);
replies.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
    buffer = buffer.subarray(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve: done, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else done(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  commands.write(JSON.stringify(message) + "\0");
  return new Promise((done, reject) => pending.set(id, { resolve: done, reject }));
}

function nextEvent(method, sessionId, timeoutMs) {
  return new Promise((done, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (message) => {
      if (message.method === method && message.sessionId === sessionId) {
        clearTimeout(timer);
        listeners.splice(listeners.indexOf(listener), 1);
        done(message.params);
      }
    };
    listeners.push(listener);
  });
}

/** Decodes an 8-bit RGB or RGBA PNG into { width, height, channels, pixels }. */
function decodePNG(data) {
  let offset = 8;
  let width = 0, height = 0, colourType = 0;
  const idat = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("ascii", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || (body[9] !== 2 && body[9] !== 6) || body[12] !== 0) {
        throw new Error(`unexpected PNG format (bit depth ${body[8]}, colour type ${body[9]})`);
      }
      colourType = body[9];
    } else if (type === "IDAT") {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[row + x - channels] : 0;
      const up = y > 0 ? pixels[row - stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[row - stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const distances = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        value += distances[0] <= distances[1] && distances[0] <= distances[2]
          ? left : distances[1] <= distances[2] ? up : upLeft;
      }
      pixels[row + x] = value & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** The share of pixels unlike the background (the most common colour) and the number of colours. */
function ink(image) {
  const counts = new Map();
  for (let index = 0; index < image.width * image.height; index++) {
    const at = index * image.channels;
    const key = (image.pixels[at] << 16) | (image.pixels[at + 1] << 8) | image.pixels[at + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  const total = image.width * image.height;
  return { inked: total === 0 ? 0 : (total - background) / total, colours: counts.size };
}

const measure = `(() => {
  const boxes = [...document.querySelectorAll("svg.chart")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const name = svg.getAttribute("aria-label") ?? svg.querySelector("title")?.textContent ?? "";
    return { name, x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height };
  });
  const wrapped = [...document.querySelectorAll("tbody th")].filter((th) => {
    if (th.querySelector("br") !== null) return false;
    const line = parseFloat(getComputedStyle(th).lineHeight) || 20;
    const contents = document.createRange();
    contents.selectNodeContents(th);
    return contents.getBoundingClientRect().height > line * 1.5;
  }).map((th) => th.textContent);
  return JSON.stringify({ boxes, wrapped, pageWidth: document.documentElement.scrollWidth,
    pageHeight: document.documentElement.scrollHeight });
})()`;

async function check(sessionId, size) {
  const [width, height] = size.split("x").map(Number);
  const problems = [];
  const errors = [];
  const collect = (message) => {
    if (message.sessionId !== sessionId) return;
    if (message.method === "Runtime.exceptionThrown") errors.push(message.params.exceptionDetails.text);
    if (message.method === "Runtime.consoleAPICalled" && message.params.type === "error") {
      errors.push(message.params.args.map((arg) => arg.value ?? arg.description).join(" "));
    }
    if (message.method === "Log.entryAdded" && message.params.entry.level === "error") {
      errors.push(message.params.entry.text);
    }
  };
  listeners.push(collect);
  await send("Emulation.setDeviceMetricsOverride",
    { width, height, deviceScaleFactor: 1, mobile: width < 600 }, sessionId);
  const loaded = nextEvent("Page.loadEventFired", sessionId, 30000);
  await send("Page.navigate", { url: "file://" + resolve(report) }, sessionId);
  await loaded;
  const result = await send("Runtime.evaluate", { expression: measure, returnByValue: true }, sessionId);
  const page = JSON.parse(result.result.value);
  const shot = await send("Page.captureScreenshot", {
    format: "png", captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: Math.max(width, page.pageWidth), height: page.pageHeight, scale: 1 },
  }, sessionId);
  const file = join(outDir, `${basename(report, ".html")}-${size}.png`);
  writeFileSync(file, Buffer.from(shot.data, "base64"));
  for (const box of page.boxes) {
    const where = `${basename(report)} at ${size}: chart "${box.name}"`;
    if (box.width < 10 || box.height < 10) { problems.push(`${where} has no size`); continue; }
    if (box.x + box.width > width + 1) problems.push(`${where} is wider than the page (${Math.round(box.width)} px)`);
    const clip = await send("Page.captureScreenshot", {
      format: "png", captureBeyondViewport: true,
      clip: { x: box.x, y: box.y, width: box.width, height: box.height, scale: 1 },
    }, sessionId);
    const { inked, colours } = ink(decodePNG(Buffer.from(clip.data, "base64")));
    if (inked < 0.02 || colours < 3) {
      problems.push(`${where} looks blank (${(inked * 100).toFixed(1)}% inked, ${colours} colours)`);
    }
  }
  if (page.pageWidth > width + 1) problems.push(`${basename(report)} at ${size}: the page scrolls sideways (${page.pageWidth} px)`);
  for (const name of page.wrapped) problems.push(`${basename(report)} at ${size}: row name wraps: ${name}`);
  for (const error of errors) problems.push(`${basename(report)} at ${size}: console: ${error}`);
  listeners.splice(listeners.indexOf(collect), 1);
  return { page: { size, screenshot: file, charts: page.boxes.length, height: page.pageHeight }, problems };
}

let status = 0;
const summary = { report, pages: [], problems: [] };
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...summary, problems: ["Chromium did not answer within 120 s"], stderr }));
  stop();
  process.exit(2);
}, 120000);
try {
  const { targetInfos } = await send("Target.getTargets");
  let target = targetInfos.find((info) => info.type === "page");
  if (!target) target = { targetId: (await send("Target.createTarget", { url: "about:blank" })).targetId };
  const { sessionId } = await send("Target.attachToTarget", { targetId: target.targetId, flatten: true });
  await send("Page.enable", {}, sessionId);
  await send("Runtime.enable", {}, sessionId);
  await send("Log.enable", {}, sessionId);
  for (const size of sizes) {
    const { page, problems } = await check(sessionId, size);
    summary.pages.push(page);
    summary.problems.push(...problems);
  }
  status = summary.problems.length > 0 ? 1 : 0;
} catch (error) {
  summary.problems.push(`could not drive Chromium: ${error.message}`);
  summary.stderr = stderr;
  status = 2;
}
clearTimeout(watchdog);
console.log(JSON.stringify(summary));
stop();
process.exit(status);

/** Kills Chromium's whole process group (its renderer and GPU processes too) and its profile. */
function stop() {
  try { process.kill(-browser.pid, "SIGKILL"); } catch { browser.kill("SIGKILL"); }
  rmSync(profile, { recursive: true, force: true });
}
