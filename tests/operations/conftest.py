"""The operations tests start servers of their own from $OPSTAP_BIN (see servers.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
