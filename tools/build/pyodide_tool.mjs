// Build-time Python work, done by Pyodide itself in node (same interpreter as the page):
// tools/build/compiled.py runs it. The Python side is compile_python.py, beside this file.
// usage: node tools/build/pyodide_tool.mjs <node_modules/pyodide dir> <jobs.json>
import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
const [dir, jobsFile] = process.argv.slice(2);
// No column tables in the compiled code (as with -X no_debug_ranges): about a fifth smaller;
// tracebacks keep their line numbers, only lose the ^^^ markers.
const py = await loadPyodide({ indexURL: dir + "/", env: { PYTHONNODEBUGRANGES: "1" } });
// PyScript's own Python package, as its core chunk writes it into the file system on every page
// load (a JS object literal of file name -> source, written by generated Python, then
// "import pyscript"): the exact sources the page will import, so their .pyc can be made here.
function pyscriptPackage(chunkFile) {
  const text = readFileSync(chunkFile, "utf8");
  const a = text.indexOf('{pyscript:{"__init__.py":');
  const end = /\),\w+\.push\("import pyscript as _pyscript"\)/.exec(text);
  if (a < 0 || !end || end.index < a || text.indexOf('{pyscript:{"__init__.py":', a + 1) >= 0)
    throw new Error("PyScript's Python package not found in " + chunkFile +
                    " (a new PyScript? see PYSCRIPT_CACHE in tools/build/compiled.py)");
  const tree = runInNewContext("(" + text.slice(a, end.index) + ")", {});
  const files = {};
  (function walk(prefix, node) {
    for (const [name, value] of Object.entries(node))
      if (typeof value === "string") files[prefix + name] = value;
      else walk(prefix + name + "/", value);
  })("", tree);
  return files;
}
py.FS.writeFile("/tmp/stdlib.zip", readFileSync(dir + "/python_stdlib.zip"));
py.runPython(readFileSync(new URL("./compile_python.py", import.meta.url), "utf8"));
const compileJob = py.globals.get("compile_job");
for (const job of JSON.parse(readFileSync(jobsFile, "utf8"))) {
  if (job.kind === "app") for (const [src, arc] of job.files) {
    py.FS.mkdirTree("/tmp/app/" + arc.split("/").slice(0, -1).join("/"));
    py.FS.writeFile("/tmp/app/" + arc, readFileSync(src));
  }
  const pyscriptFiles = job.pyscript_chunk ? pyscriptPackage(job.pyscript_chunk) : {};
  compileJob(py.toPy(job), py.toPy(pyscriptFiles));
  writeFileSync(job.out, py.FS.readFile("/tmp/out.zip"));
}
