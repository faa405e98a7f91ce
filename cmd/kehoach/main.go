// Command kehoach checks and exports the yearly implementation plans of
// Vietnam's National Target Programme on Sustainable Poverty Reduction.
// See the README for the commands.
package main

import "os"

func main() {
	os.Exit(int(Main(os.Args[1:], systemStreams())))
}
