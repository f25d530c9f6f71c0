// libFuzzer entry point lands with the parser.
