# Compile the page templates into a C header (src/templates.h), so that an
# installed k8snet needs no data directory. For each file named on the
# command line, writes
#
#   static const char tmpl_NAME[] = "...";
#
# NAME being the file name with every character outside [A-Za-z0-9]
# written '_' (report.css -> tmpl_report_css). Bytes pass through as they
# are (run it with LC_ALL=C); backslashes and quotes are escaped, and so
# is '?', since -std=c11 turns on trigraphs and the page's script may
# hold '??'. Plain awk: no xxd (vim's) and no od needed.
BEGIN { print "/* Generated from templates/ by templates/embed.awk: do not edit. */" }
FNR == 1 {
	if (NR > 1)
		print ";"
	name = FILENAME
	sub(/.*\//, "", name)
	gsub(/[^A-Za-z0-9]/, "_", name)
	print "static const char tmpl_" name "[] ="
}
{
	line = $0
	gsub(/\\/, "&&", line)
	gsub(/"/, "\\\"", line)
	gsub(/\?/, "\\?", line)
	gsub(/\t/, "\\t", line)
	print "\t\"" line "\\n\""
}
END {
	if (NR > 0)
		print ";"
}
