"""Lighthouse (mobile, simulated throttling) on a few pages, installed from npm on first use."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--no-first-run --disable-background-networking --disable-component-update "
    "--disable-sync"
)


def install():
    """npm install the version pinned in benchmarks/package.json, unless it is there already."""
    if not LIGHTHOUSE.exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(HERE),
                "--no-package-lock",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ],
            check=True,
        )
    return LIGHTHOUSE


def scores(url, cookie=None):
    """{category: score 0..1} for one page, plus the failed audits that cost points."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        words = [
            str(install()),
            url,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            "--throttling-method=simulate",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        if cookie:
            words.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
        subprocess.run(words, check=True, env=env, timeout=180, capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    found = {name: data["categories"][name]["score"] for name in CATEGORIES}
    audits = data["audits"]
    found["final_url"] = data["finalDisplayedUrl"]
    found["fcp_ms"] = audits["first-contentful-paint"]["numericValue"]
    found["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    found["failed"] = sorted(
        {
            ref["id"]
            for name in CATEGORIES
            for ref in data["categories"][name]["auditRefs"]
            if ref["weight"]
            and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 1
        }
    )
    return found
