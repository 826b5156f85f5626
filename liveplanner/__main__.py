"""`python -m liveplanner` is the `liveplanner` command."""

import sys

from liveplanner.cli.main import main

sys.exit(main())
