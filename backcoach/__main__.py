from backcoach.cli import main

raise SystemExit(main())
