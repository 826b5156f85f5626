"""Storage: SQLAlchemy models, the database's set-up and migrations, and the services over them.

Every service takes a Database, opens one session for its one action, and returns plain objects
(core.plan dataclasses or small records) that stay valid after the session closes.
"""
