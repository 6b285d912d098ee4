# Rack::OAuth2::Server::Resource::Bearer (rack-oauth2) in front of a Sinatra app; the
# authenticator verifies the JWT with ruby-jwt and calls the library's req.invalid_token!
# (default description); the app raises the library's Unauthorized / Forbidden errors, as in
# the rack-oauth2 sample resource server.
require 'json'
require 'openssl'
require 'jwt'
require 'rack/oauth2'
require 'sinatra/base'

PUB = OpenSSL::PKey::RSA.new(File.read(File.join(ENV.fetch('KEYS'), 'test-rsa.pub.pem')))
ISS = 'https://issuer.authtui.test/'
AUD = 'https://api.authtui.test'

class Api < Sinatra::Base
  set :raise_errors, true
  set :show_exceptions, false

  helpers do
    def current_token
      request.env[Rack::OAuth2::Server::Resource::ACCESS_TOKEN]
    end

    def require_oauth_token!
      raise Rack::OAuth2::Server::Resource::Bearer::Unauthorized unless current_token
    end

    def require_scope!(scope)
      granted = current_token.fetch('scope', '').split(' ')
      unless granted.include?(scope)
        raise Rack::OAuth2::Server::Resource::Forbidden.new(:insufficient_scope, nil, scope: scope)
      end
    end
  end

  get '/items' do
    require_oauth_token!
    content_type :json
    { items: %w[a b], sub: current_token['sub'] }.to_json
  end

  get '/admin' do
    require_oauth_token!
    require_scope!('items:write')
    content_type :json
    { admin: true }.to_json
  end
end

use Rack::OAuth2::Server::Resource::Bearer, 'authtui' do |req|
  begin
    payload, _header = JWT.decode(req.access_token, PUB, true,
                                  algorithm: 'RS256', iss: ISS, verify_iss: true, aud: AUD, verify_aud: true)
    payload
  rescue JWT::DecodeError
    req.invalid_token!
  end
end
run Api
