"""The map: country outlines, where libraries are, and the map drawn as inline SVG.

geo       plane geometry and the projection
outlines  the country outlines (outlines.json, from Natural Earth)
places    libraries by town and the lines between towns, the check of a location
svg       the big map and the small locator maps
page      the HTML around them: legend, text list, the script's data

Imports the model and reading only; pages and checks call it.
"""
