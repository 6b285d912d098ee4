from capture import basic_suite

META = {
    "port": 9709,
    "name": "Apache Tomcat 10.1 container BASIC auth (UserDatabaseRealm)",
    "ecosystem": "debian",
    "package": "tomcat10",
    "version": "10.1.60-1~deb12u1",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "web.xml security-constraint /* role api-user, login-config BASIC realm 'authtui'; LockOutRealm + "
             "UserDatabaseRealm (tomcat-users.xml); OpenJDK 17; private CATALINA_BASE, catalina.sh run.",
}
CASES = basic_suite(protected="/items.json")
