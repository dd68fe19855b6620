"""Build-time compilation, run by Pyodide itself in node (tools/build/pyodide_tool.mjs runs
this text, then calls compile_job): the same interpreter as the page's, so the same .pyc magic
number. Not part of the page, nor of CPython's build: it only ever runs inside that tool.

compile_job(job, pyscript_files) writes /tmp/out.zip (in Pyodide's file system) for one job:
* "stdlib": the trimmed stdlib (tools/build/compiled.py says what is kept and why), plus
  PyScript's own package, compiled, in job["pyscript_prefix"]/;
* "app": py/app.zip, the page's modules (already copied to /tmp/app/) without docstrings.
"""

import sys, ast, json, zipfile, importlib.util, importlib._bootstrap_external as ext


def pyc(source, name, optimize):
    code = compile(source, name, "exec", dont_inherit=True, optimize=optimize)
    return bytes(ext._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def compile_job(job, pyscript_files):
    if job["kind"] == "stdlib":
        compile_stdlib(job, pyscript_files)
    else:
        compile_app(job)


def compile_stdlib(job, pyscript_files):
    src = zipfile.ZipFile("/tmp/stdlib.zip")
    mods = {}
    for n in src.namelist():
        if n.endswith(".py"):
            parts = n[:-3].split("/")
            mods[".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)] = (n, parts[-1] == "__init__")

    def top_level_imports(name):
        # What importing this module imports: module-level statements, class bodies and
        # if/try/with blocks, but not function bodies nor if __name__ == "__main__".
        filename, is_pkg = mods[name]
        package = name if is_pkg else name.rpartition(".")[0]
        found = set()
        def visit(body):
            for node in body:
                if isinstance(node, ast.Import):
                    found.update(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        parts = package.split(".")
                        base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
                    found.add(base)
                    found.update(base + "." + a.name for a in node.names)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                elif isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
                    continue
                else:
                    for field in ("body", "orelse", "finalbody"):
                        if isinstance(getattr(node, field, None), list):
                            visit(getattr(node, field))
                    for handler in getattr(node, "handlers", None) or ():
                        visit(handler.body)
        visit(ast.parse(src.read(filename)).body)
        return found

    keep, todo = set(), list(set(sys.modules) | set(job["roots"]))
    while todo:
        parts = todo.pop().split(".")
        for i in range(1, len(parts) + 1):
            name = ".".join(parts[:i])
            if name in mods and name not in keep:
                keep.add(name)
                todo.extend(top_level_imports(name))
    with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as dst:
        for name in sorted(keep):
            filename, _ = mods[name]
            optimize = 0 if name.split(".")[0] in job["keep_docstrings"] else 2
            dst.writestr(filename[:-3] + ".pyc", pyc(src.read(filename), filename, optimize))
        dst.writestr("crs-stdlib-modules.json", json.dumps(sorted(keep)))
        # PyScript's package, compiled (crs-start-*.mjs puts this folder first on sys.path).
        for filename, source in sorted(pyscript_files.items()):
            if filename.endswith(".py"):
                dst.writestr(job["pyscript_prefix"] + "/" + filename[:-3] + ".pyc",
                             pyc(source.encode(), filename, 0))


def compile_app(job):
    with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as dst:
        for _, arc in job["files"]:
            data = open("/tmp/app/" + arc, "rb").read()
            if arc.endswith(".py"):
                dst.writestr(arc[:-3] + ".pyc", pyc(data, arc, 2))
            else:
                dst.writestr(arc, data)
