"""Flask-HTTPAuth HTTPBasicAuth, as in its documentation (hashed passwords)."""
import os
from flask import Flask, jsonify
from flask_httpauth import HTTPBasicAuth
from werkzeug.security import generate_password_hash, check_password_hash

app = Flask(__name__)
auth = HTTPBasicAuth()
users = {"alice": generate_password_hash("s3cret-pass")}


@auth.verify_password
def verify_password(username, password):
    if username in users and check_password_hash(users.get(username), password):
        return username


@app.route("/items")
@auth.login_required
def items():
    return jsonify(items=["a", "b"], user=auth.current_user())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
