"""The app's two screens: the library and the reader."""
