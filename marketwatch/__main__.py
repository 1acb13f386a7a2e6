from marketwatch.cli import main

main()
