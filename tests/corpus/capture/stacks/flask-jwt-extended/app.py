"""Flask-JWT-Extended resource server, documented asymmetric-key setup."""
import os
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, jwt_required, get_jwt

KEYS = os.environ["KEYS"]
app = Flask(__name__)
app.config["JWT_ALGORITHM"] = "RS256"
app.config["JWT_PUBLIC_KEY"] = open(os.path.join(KEYS, "test-rsa.pub.pem")).read()
app.config["JWT_PRIVATE_KEY"] = open(os.path.join(KEYS, "test-rsa.pem")).read()
app.config["JWT_DECODE_AUDIENCE"] = "https://api.authtui.test"
app.config["JWT_DECODE_ISSUER"] = "https://issuer.authtui.test/"
app.config["JWT_TOKEN_LOCATION"] = ["headers"]
jwt = JWTManager(app)


@app.get("/items")
@jwt_required()
def items():
    return jsonify(items=["a", "b"], sub=get_jwt()["sub"])


@app.post("/items")
@jwt_required()
def add_item():
    from flask import request
    body = request.get_json()  # Flask answers 400 itself on a bad JSON body
    return jsonify(added=body), 201


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
