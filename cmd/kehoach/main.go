package main

import "os"

func main() {
	os.Exit(int(Main(os.Args[1:], systemStreams())))
}
