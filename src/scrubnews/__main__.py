"""Make ``python -m scrubnews`` work."""

from scrubnews.cli import main

if __name__ == "__main__":
    main()
