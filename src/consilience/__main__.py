from consilience.cli import main

main()
