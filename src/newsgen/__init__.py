"""newsgen: a static-site generator that tracks an evolving news story claim by claim."""

__version__ = "0.1.0"
