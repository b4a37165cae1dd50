"""Tests in a real browser (Debian's chromium): what readers see and can do."""
