"""`python -m rules.batch INPUT.csv --output OUTPUT.csv`: the same as `python -m rules batch`."""

import sys

from rules.batch.cli import main

sys.exit(main())
