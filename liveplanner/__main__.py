"""`python -m liveplanner` is the `liveplanner` command."""

import sys

from liveplanner.cli import main

sys.exit(main())
