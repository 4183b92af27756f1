# The HTML page: reach --format html, fib --format html, report's
# index.html. (tests/html/run.sh validates the pages with the Nu HTML
# checker and renders them in Chromium; these cases check what they say.)

# The hostile cluster name is text everywhere: title, header, data.
$ k8snet reach samples/k1-xss.xml --format html -o page.html; echo "status $?"; grep -c '<script>x' page.html; grep -o '<title>[^<]*</title>' page.html | head -n 1; grep -o '<span class="cluster">[^<]*</span>' page.html; grep -o '"cluster":"[^"]*\\"co\\""' page.html
> status 0
> 0
> <title>K1 &lt;script&gt;x &amp; &quot;co&quot; — k8snet network report</title>
> <span class="cluster">K1 &lt;script&gt;x &amp; &quot;co&quot;</span>
> "cluster":"K1 \u003cscript\u003ex \u0026 \"co\""

# ... and in the diagram's caption.
$ k8snet reach samples/k1-xss.xml --format html | grep -c '>K1 &lt;script&gt;x &amp; &quot;co&quot;</text>'
> 1

# The same spec gives the same bytes; the report's page is that page
# with its files linked.
$ k8snet reach samples/shop.xml --format html >a.html && k8snet reach samples/shop.xml --format html >b.html && cmp a.html b.html && k8snet report samples/shop.xml -o out && grep -c '<a href="reach.csv">' out/index.html
> 1
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# K1: 10 senders x 10 destinations, 96 cells asked, all delivered, each
# with its symbol and words for screen readers.
$ k8snet reach samples/k1.xml --format html >k1.html; grep -o '<td class="c [a-z]*' k1.html | sort | uniq -c; grep -c 'id="c-0-2" title="D1 → 10.1.1.1:8080/TCP (opened by C1.1)' k1.html; grep -o '<span class="badge [a-z]*">[A-Z]*' k1.html
>       4 <td class="c na
>      96 <td class="c ok
> 1
> <span class="badge pass">PASS

# A failing audit: the findings link to their cells, which show the
# message's path and why it died.
$ k8snet reach samples/audit-fail.xml --format html >af.html; grep -o '<span class="badge [a-z]*">[A-Z]*' af.html; grep -o '<td class="c [a-z]*' af.html | sort | uniq -c; grep -o '<li><a href="#c-[0-9]*-[0-9]*">nginx → 10.244.2.10:8080/TCP</a>' af.html; grep -o 'id="c-1-7" title="[^"]*" data-path="[^"]*"' af.html
> <span class="badge fail">FAIL
>      26 <td class="c drop
>      23 <td class="c na
>      23 <td class="c ok
> <li><a href="#c-1-7">nginx → 10.244.2.10:8080/TCP</a>
> id="c-1-7" title="nginx → 10.244.2.10:8080/TCP (opened by app)&#10;discarded at node-a: link down (node-a -- node-b)&#10;path nginx web node-a" data-path="nginx&gt;web&gt;node-a"

# Services are a column group of their own; policy denials are marked
# apart from broken-network cells. 9 senders x 18 columns: 29 not asked
# (127.0.0.1 ports of other pods), 9 discarded (api/metrics has no
# endpoints), 46 denied by the three policies.
$ k8snet reach samples/shop.xml --format html >shop.html; grep -o '<th scope="colgroup" colspan="[0-9]*" class="g [a-z]*">services' shop.html; grep -o '<td class="c [a-z]*' shop.html | sort | uniq -c; grep -c 'denied by policy (intended isolation)' shop.html
> <th scope="colgroup" colspan="4" class="g svc">services
>      46 <td class="c deny
>       9 <td class="c drop
>      29 <td class="c na
>      78 <td class="c ok
> 1
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?

# fib --format html: every table, or one with --switch.
$ k8snet fib samples/k1.xml --format html | grep -c '<details class="fib'; k8snet fib samples/k1.xml --format html --switch P2 | grep -o '<details class="fib [a-z]*" id="fib-[0-9]*" data-name="[^"]*"'
> 6
> <details class="fib pod" id="fib-10" data-name="P2"

$ k8snet fib samples/audit-fail.xml --format html --switch web | grep -o '<tr class="ov"><td class="pos">1</td><td>\*</td><td>\*</td><td>9113</td><td>\*</td><td class="act-discard">discard</td><td></td><td class="org">Override (spec line 33)</td>'
> <tr class="ov"><td class="pos">1</td><td>*</td><td>*</td><td>9113</td><td>*</td><td class="act-discard">discard</td><td></td><td class="org">Override (spec line 33)</td>

# With services, the page's diagram draws them (hexagons linked to their
# endpoint pods, the one without endpoints marked); the report's graph.svg
# stays the Network Graph.
$ k8snet report samples/shop.xml -o out && grep -o 'class="node service[^"]*"' out/index.html | sort | uniq -c; grep 'class="node service' out/graph.svg | wc -l
>       1 class="node service no&#45;endpoints"
>       3 class="node service"
> 0
! samples/shop.xml:69: warning: service 'metrics' selects no pod: no pod of namespace 'api' matches its selector; did you mean 'app=api'?
