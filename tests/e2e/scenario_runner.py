"""Runs one API scenario file against a fresh phare server: requests and the expected
status, headers and JSON fragments, as data a reviewer reads without C++ (the format is
described in scenarios/README.md).

usage: PHARE_BIN=build/src/phare python3 scenario_runner.py scenarios/components.scn
"""

import json
import re
import sys

import harness

VAR = re.compile(r"\$([A-Z][A-Z0-9_]*)")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")


class Step:
    def __init__(self, title, line):
        self.title, self.line = title, line
        self.method = self.path = None
        self.headers, self.body = {}, None
        self.status, self.expect_headers, self.expect_body, self.captures = None, [], None, []
        self.contains = []
        self.lacks = []


def parse(text):
    steps = []
    for chunk in re.split(r"^### ", text, flags=re.M)[1:]:
        title, _, rest = chunk.partition("\n")
        request, sep, expect = rest.partition("\n--- ")
        if not sep:
            raise SystemExit(f"step '{title}': missing '--- STATUS' line")
        step = Step(title.strip(), 0)
        lines = [l for l in request.split("\n") if not l.startswith("#")]
        while lines and not lines[0].strip():
            lines.pop(0)
        step.method, step.path = lines.pop(0).split(" ", 1)
        while lines and lines[0].strip():
            name, value = lines.pop(0).split(":", 1)
            step.headers[name.strip()] = value.strip()
        body = "\n".join(lines).strip()
        step.body = body or None
        exp_lines = expect.split("\n")
        step.status = int(exp_lines.pop(0).strip())
        body_lines = []
        for line in exp_lines:
            if line.startswith("#"):
                continue
            if line.startswith("=> "):
                name, path = line[3:].split("=", 1)
                step.captures.append((name.strip(), path.strip()))
            elif line.startswith("~ "):
                step.contains.append(line[2:])
            elif line.startswith("!~ "):
                step.lacks.append(line[3:])
            elif not body_lines and re.match(r"^!?[A-Za-z][A-Za-z0-9-]*(:|$)", line):
                if line.startswith("!"):
                    step.expect_headers.append((line[1:].strip(), None))
                else:
                    name, value = line.split(":", 1)
                    step.expect_headers.append((name.strip(), value.strip()))
            else:
                body_lines.append(line)
        body = "\n".join(body_lines).strip()
        step.expect_body = body or None
        steps.append(step)
    return steps


def lookup(value, path):
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            value = value[int(part[1:-1])]
        else:
            value = value[part]
    return value


def match(expected, actual, where="$"):
    """Returns None when `expected` is a fragment of `actual`, else a description."""
    if isinstance(expected, str) and expected.startswith("$"):
        kinds = {"$any": lambda a: True, "$string": lambda a: isinstance(a, str),
                 "$number": lambda a: isinstance(a, (int, float)) and not isinstance(a, bool),
                 "$bool": lambda a: isinstance(a, bool), "$null": lambda a: a is None,
                 "$timestamp": lambda a: isinstance(a, str) and bool(TIMESTAMP.match(a)),
                 "$id": lambda a: isinstance(a, str) and re.fullmatch(r"[0-9a-z]{12}", a)}
        if expected in kinds:
            return None if kinds[expected](actual) else f"{where}: {actual!r} is not {expected}"
    if isinstance(expected, dict):
        if "$len" in expected:
            if not isinstance(actual, list) or len(actual) != expected["$len"]:
                return f"{where}: expected a list of {expected['$len']}, got {actual!r:.200}"
            return None
        if not isinstance(actual, dict):
            return f"{where}: expected an object, got {actual!r:.200}"
        for key, value in expected.items():
            if value == "$absent":
                if key in actual:
                    return f"{where}.{key}: should be absent"
                continue
            if key not in actual:
                return f"{where}.{key}: missing"
            problem = match(value, actual[key], f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{where}: expected a list, got {actual!r:.200}"
        if expected and expected[0] == "$contains":
            for item in expected[1:]:
                if all(match(item, a) for a in actual):
                    return f"{where}: no element matches {item!r:.200}"
            return None
        if len(expected) != len(actual):
            return f"{where}: expected {len(expected)} items, got {len(actual)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            problem = match(e, a, f"{where}[{i}]")
            if problem:
                return problem
        return None
    return None if expected == actual else f"{where}: expected {expected!r}, got {actual!r:.200}"


def run(path):
    steps = parse(open(path, encoding="utf-8").read())
    server = harness.Phare()
    failures = 0
    try:
        server.start()
        env = {"TOKEN": server.token("read,write"), "READ": server.token("read"),
               "ADMIN": server.token("admin"), "PAGE": server.page_id()}
        sub = lambda s: VAR.sub(lambda m: str(env.get(m.group(1), m.group(0))), s)
        for step in steps:
            headers = {k: sub(v) for k, v in step.headers.items()}
            body = sub(step.body) if step.body is not None else None
            if body is not None and "Content-Type" not in headers:
                headers["Content-Type"] = "application/json"
            r = server.request(step.method, sub(step.path), body=body, headers=headers)
            problems = []
            if r.status != step.status:
                problems.append(f"status {r.status}, expected {step.status}: {r.body[:300]!r}")
            for name, value in step.expect_headers:
                got = r.headers.get(name.lower())
                if value is None and got is not None:
                    problems.append(f"header {name} should be absent, is {got!r}")
                elif value is not None and (got is None or (value != "*" and sub(value) != got)):
                    problems.append(f"header {name}: expected {value!r}, got {got!r}")
            text = r.body.decode("utf-8", "replace")
            for needle in step.contains:
                if sub(needle) not in text:
                    problems.append(f"body lacks {needle!r}")
            for needle in step.lacks:
                if sub(needle) in text:
                    problems.append(f"body should not contain {needle!r}")
            data = None
            if step.expect_body is not None or step.captures:
                try:
                    data = json.loads(text)
                except ValueError:
                    problems.append(f"body is not JSON: {text[:200]!r}")
            if data is not None and step.expect_body is not None:
                problem = match(json.loads(sub(step.expect_body)), data)
                if problem:
                    problems.append(problem)
            for name, capture in step.captures:
                try:
                    env[name] = lookup(data, capture)
                except (KeyError, IndexError, TypeError):
                    problems.append(f"cannot capture {capture}")
            status = "ok" if not problems else "FAIL"
            print(f"[{status}] {step.title}")
            for p in problems:
                print(f"       {p}")
            failures += bool(problems)
    finally:
        code = server.stop()
        if code not in (0, None):
            print(f"[FAIL] server exited with {code}")
            failures += 1
        if failures:
            print(server.read_log()[-3000:])
        server.close()
    print(f"{len(steps) - failures}/{len(steps)} steps passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))
