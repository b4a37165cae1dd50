"""Tests of real builds: the site, its data and its addresses, read from the files built."""
