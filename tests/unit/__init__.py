"""Tests of the catalogue's parts on their own: no site is built."""
