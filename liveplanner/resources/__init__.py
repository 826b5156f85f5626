"""Files the package ships (translations; later icons, templates), found via importlib.resources."""
