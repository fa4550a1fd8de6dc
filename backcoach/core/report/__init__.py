"""The HTML report for a physiotherapist and its SVG charts."""
