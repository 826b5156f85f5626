"""Run sheets (整场脚本): read into a plan, written from one, with the side sheets that make the
round trip lossless."""
