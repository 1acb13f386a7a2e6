"""The Textual dashboard. Entry point: `marketwatch.tui.app.run_dashboard(config, scope)`.

Only this package imports textual and rich; it reads the store through `marketwatch.queries`
and writes through `Store.set_flag`, and holds no matching or storage logic of its own.
"""
