"""``python -m reviewkit.demo``."""

from reviewkit.demo import main

if __name__ == "__main__":
    raise SystemExit(main())
