"""The application: the Qt window, its plan document and the commands that edit it."""
