"""The application without Qt: settings and credentials, the workspace, and the operations both
front-ends (the window and the command line) call."""
