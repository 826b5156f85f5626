"""The command line: a thin front-end over app/ that prints what the operations return."""
