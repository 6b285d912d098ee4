#!/usr/bin/env bash
set -e
B="$WORK/tomcat-basic"
rm -rf "$B"; mkdir -p "$B"/{conf,logs,temp,work,webapps/ROOT/WEB-INF}
"$CAP/lib/render.sh" "$HERE/server.xml.in" "$B/conf/server.xml"
cp "$HERE/tomcat-users.xml" "$B/conf/"
cp /etc/tomcat10/web.xml /etc/tomcat10/catalina.properties /etc/tomcat10/logging.properties "$B/conf/"
cp "$HERE/web.xml" "$B/webapps/ROOT/WEB-INF/web.xml"
printf '{"items":["a","b"]}\n' >"$B/webapps/ROOT/items.json"
CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE="$B" CATALINA_PID="$B/catalina.pid" \
  nohup /usr/share/tomcat10/bin/catalina.sh run >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
