"""`python -m liveplanner` is the `liveplanner` command."""

import sys

from liveplanner.program import main

sys.exit(main())
