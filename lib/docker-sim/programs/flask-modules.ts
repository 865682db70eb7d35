// Python sources of the framework modules a container's code imports when its image has them installed
// (pip install of requirements.txt, see installedPackages in flask.ts). Why our own: Flask is not in the
// bundled Pyodide, PyPI is unreachable and no npm package carries Flask or Werkzeug, so there is no
// offline Flask for Pyodide. The student's own code (app.py) runs for real on Pyodide; only the
// framework is ours, kept to what the deck's apps use, and written to print and answer what Flask 3.1.3
// with Werkzeug 3.1.8 do (checked against them on this machine and against Debian's Flask 2.2.2 in a
// real container: tests/fixtures/daemon/scenarios/flask.yaml).
//
// `_sim_flask` is the part the JS server (flask.ts) talks to: load an app, dispatch one request.

/** `flask`: Flask(__name__), route/get/post/…, request, jsonify, abort, Response, make_response, app.run. */
export const FLASK_MODULE = String.raw`
import sys as _sys, json as _json, re as _re, traceback as _traceback

__version__ = '3.1.3'

class _SimFlaskRun(BaseException):
    """app.run(): the simulated server takes over (flask.ts serves the app)."""
    def __init__(self, app, host, port, debug):
        super().__init__('app.run')
        self.app, self.host, self.port, self.debug = app, host, port, debug

class HTTPException(Exception):
    code = 500
    name = 'Internal Server Error'
    description = ''
    def __init__(self, description=None, response=None):
        super().__init__(description)
        if description is not None:
            self.description = description
        self.response = response
    def get_body(self):
        return ('<!doctype html>\n<html lang=en>\n<title>%d %s</title>\n<h1>%s</h1>\n<p>%s</p>\n'
                % (self.code, self.name, self.name, self.description))

def _http_error(code, name, description):
    return type(name.replace(' ', ''), (HTTPException,), {'code': code, 'name': name, 'description': description})

# Werkzeug's texts (werkzeug/exceptions.py).
NotFound = _http_error(404, 'Not Found', 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.')
MethodNotAllowed = _http_error(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.')
BadRequest = _http_error(400, 'Bad Request', 'The browser (or proxy) sent a request that this server could not understand.')
Unauthorized = _http_error(401, 'Unauthorized', "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.")
Forbidden = _http_error(403, 'Forbidden', "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.")
InternalServerError = _http_error(500, 'Internal Server Error', 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.')
_ERRORS = {e.code: e for e in (BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, InternalServerError)}

def abort(code, description=None):
    raise _ERRORS.get(code, _http_error(code, 'Error', ''))(description)

class Headers(dict):
    def get(self, key, default=None):
        for k, v in self.items():
            if k.lower() == key.lower():
                return v
        return default
    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value
    def __contains__(self, key):
        return self.get(key) is not None

class Response:
    default_mimetype = 'text/html'
    def __init__(self, response=None, status=None, headers=None, mimetype=None, content_type=None):
        if response is None:
            response = b''
        self.data = response.encode() if isinstance(response, str) else bytes(response)
        self.status_code = 200 if status is None else int(status)
        self.headers = Headers(headers or {})
        if content_type is None:
            mimetype = mimetype or self.default_mimetype
            content_type = mimetype + ('; charset=utf-8' if mimetype.startswith('text/') else '')
        if 'Content-Type' not in self.headers:
            self.headers['Content-Type'] = content_type
    def get_data(self, as_text=False):
        return self.data.decode() if as_text else self.data
    @property
    def status(self):
        return '%d %s' % (self.status_code, _reason(self.status_code).upper())

def _reason(code):
    import http
    try:
        return http.HTTPStatus(code).phrase
    except ValueError:
        return 'UNKNOWN'

class Request:
    def __init__(self, method, path, query, headers, body, remote_addr):
        self.method = method
        self.path = path
        self.query_string = query.encode()
        self.headers = Headers(headers)
        self._body = body
        self.remote_addr = remote_addr
        from urllib.parse import parse_qs
        self.args = {k: v[0] for k, v in parse_qs(query).items()}
        self.view_args = {}
    @property
    def data(self):
        return self._body.encode()
    def get_data(self, as_text=False):
        return self._body if as_text else self._body.encode()
    @property
    def is_json(self):
        return (self.headers.get('Content-Type') or '').startswith('application/json')
    def get_json(self, force=False, silent=False):
        if not (force or self.is_json):
            if silent:
                return None
            raise _http_error(415, 'Unsupported Media Type', "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")()
        try:
            return _json.loads(self._body)
        except ValueError:
            if silent:
                return None
            raise BadRequest('Failed to decode JSON object: ' + str(_sys.exc_info()[1]))
    @property
    def json(self):
        return self.get_json()
    @property
    def form(self):
        from urllib.parse import parse_qs
        return {k: v[0] for k, v in parse_qs(self._body).items()}

class _RequestProxy:
    """flask.request: the request being handled."""
    _current = None
    def __getattr__(self, name):
        if _RequestProxy._current is None:
            raise RuntimeError("Working outside of request context.\n\nThis typically means that you attempted to use functionality that needed\nan active HTTP request. Consult the documentation on testing for\ninformation about how to avoid this problem.")
        return getattr(_RequestProxy._current, name)

request = _RequestProxy()

class _Config(dict):
    def from_mapping(self, mapping=None, **kwargs):
        self.update(mapping or {}, **kwargs)
        return True

_CONVERTERS = {'string': r'[^/]+', 'int': r'\d+', 'float': r'\d+\.\d+', 'path': r'[^/].*?', 'uuid': r'[0-9a-fA-F-]{36}'}

class _Rule:
    def __init__(self, rule, endpoint, methods):
        self.rule, self.endpoint, self.methods = rule, endpoint, methods
        pattern, self.casts = '', {}
        for static, conv, name in _re.findall(r'([^<]*)(?:<(?:(\w+):)?(\w+)>)?', rule):
            pattern += _re.escape(static)
            if name:
                pattern += '(?P<%s>%s)' % (name, _CONVERTERS.get(conv or 'string', _CONVERTERS['string']))
                self.casts[name] = {'int': int, 'float': float}.get(conv, str)
        self.regex = _re.compile('^' + pattern + '$')
    def match(self, path):
        m = self.regex.match(path)
        return None if m is None else {k: self.casts[k](v) for k, v in m.groupdict().items()}

class Flask:
    def __init__(self, import_name, **kwargs):
        self.import_name = import_name
        # Flask names a __main__ app after its script (python app.py → 'app').
        self._main_file = _sys._getframe(1).f_globals.get('__file__') if import_name == '__main__' else None
        self.rules = []
        self.view_functions = {}
        import os
        # flask --debug sets FLASK_DEBUG before the app is made (Flask's get_debug_flag).
        flag = os.environ.get('FLASK_DEBUG')
        self.config = _Config(DEBUG=bool(flag and flag.lower() not in ('0', 'false', 'no')), TESTING=False, SECRET_KEY=None, JSON_SORT_KEYS=True)
        self.error_handlers = {}
        self.before_request_funcs = []
        self.after_request_funcs = []
    @property
    def name(self):
        if self.import_name == '__main__':
            import os
            fn = self._main_file
            if fn:
                return os.path.splitext(os.path.basename(fn))[0]
            return '__main__'
        return self.import_name
    @property
    def debug(self):
        return bool(self.config.get('DEBUG'))
    @debug.setter
    def debug(self, value):
        self.config['DEBUG'] = bool(value)
    def add_url_rule(self, rule, endpoint=None, view_func=None, methods=None, **options):
        endpoint = endpoint or view_func.__name__
        if endpoint in self.view_functions and self.view_functions[endpoint] is not view_func:
            raise AssertionError('View function mapping is overwriting an existing endpoint function: ' + endpoint)
        methods = set(m.upper() for m in (methods or ['GET']))
        if 'GET' in methods:
            methods.add('HEAD')
        methods.add('OPTIONS')
        self.rules.append(_Rule(rule, endpoint, methods))
        self.view_functions[endpoint] = view_func
    def route(self, rule, **options):
        def decorator(f):
            self.add_url_rule(rule, options.pop('endpoint', None), f, **options)
            return f
        return decorator
    def _method_route(self, method, rule, options):
        if 'methods' in options:
            raise TypeError("Use the 'route' decorator to use the 'methods' argument.")
        return self.route(rule, methods=[method], **options)
    def get(self, rule, **options):
        return self._method_route('GET', rule, options)
    def post(self, rule, **options):
        return self._method_route('POST', rule, options)
    def put(self, rule, **options):
        return self._method_route('PUT', rule, options)
    def delete(self, rule, **options):
        return self._method_route('DELETE', rule, options)
    def patch(self, rule, **options):
        return self._method_route('PATCH', rule, options)
    def errorhandler(self, code):
        def decorator(f):
            self.error_handlers[code] = f
            return f
        return decorator
    def before_request(self, f):
        self.before_request_funcs.append(f)
        return f
    def after_request(self, f):
        self.after_request_funcs.append(f)
        return f
    def run(self, host=None, port=None, debug=None, load_dotenv=True, **options):
        import os
        # flask run already serves the app: app.run() under it does nothing (Flask's own rule).
        if os.environ.get('FLASK_RUN_FROM_CLI') == 'true':
            return
        if debug is not None:
            self.debug = debug
        raise _SimFlaskRun(self, host or '127.0.0.1', int(port or 5000), self.debug)
    def make_response(self, rv):
        return _make_response(rv)

def _make_response(rv):
    status = headers = None
    if isinstance(rv, tuple):
        if len(rv) == 3:
            rv, status, headers = rv
        elif len(rv) == 2:
            if isinstance(rv[1], (dict, list, Headers)):
                rv, headers = rv
            else:
                rv, status = rv
        else:
            raise TypeError('The view function did not return a valid response tuple. The tuple must have the form (body, status, headers), (body, status), or (body, headers).')
    if rv is None:
        raise TypeError('The view function for %r did not return a valid response. The function either returned None or ended without a return statement.' % _sim_flask.endpoint)
    if isinstance(rv, Response):
        response = rv
    elif isinstance(rv, (str, bytes, bytearray)):
        response = Response(rv)
    elif isinstance(rv, (dict, list)):
        response = jsonify(rv)
    else:
        raise TypeError('The view function did not return a valid response. The return type must be a string, dict, list, tuple with headers or status, Response instance, or WSGI callable, but it was a %s.' % type(rv).__name__)
    if status is not None:
        response.status_code = int(status)
    if headers:
        response.headers.update(dict(headers))
    return response

def make_response(*args):
    if not args:
        return Response()
    return _make_response(args[0] if len(args) == 1 else tuple(args))

def jsonify(*args, **kwargs):
    data = args[0] if len(args) == 1 else (list(args) if args else kwargs)
    app = _sim_flask.app
    # DefaultJSONProvider: indented in debug mode, compact otherwise; keys sorted; a newline at the end.
    if app is not None and app.debug:
        text = _json.dumps(data, indent=2, sort_keys=True)
    else:
        text = _json.dumps(data, separators=(',', ':'), sort_keys=True)
    return Response(text + '\n', mimetype='application/json')

def url_for(endpoint, **values):
    app = _sim_flask.app
    for rule in app.rules:
        if rule.endpoint == endpoint:
            return _re.sub(r'<(?:\w+:)?(\w+)>', lambda m: str(values.pop(m.group(1))), rule.rule)
    raise RuntimeError("Could not build url for endpoint '%s'." % endpoint)

def render_template_string(source, **context):
    # Jinja2 is not simulated: {{ name }} substitution only.
    return _re.sub(r'\{\{\s*(\w+)\s*\}\}', lambda m: str(context.get(m.group(1), '')), source)

class _SimFlask:
    """What flask.ts calls: the app being served, one request at a time."""
    app = None
    endpoint = None

    def find_app(self, namespace, app_name, module_name):
        """flask --app module[:name]: the Flask instance the CLI finds (Flask's find_best_app)."""
        if app_name:
            found = namespace.get(app_name)
            if found is None:
                return None, "Failed to find attribute '%s' in '%s'." % (app_name, module_name)
            return found, None
        for name in ('app', 'application'):
            if isinstance(namespace.get(name), Flask):
                return namespace[name], None
        apps = [v for v in namespace.values() if isinstance(v, Flask)]
        if len(apps) == 1:
            return apps[0], None
        if len(apps) > 1:
            return None, "Detected multiple Flask applications in module '%s'. Use '%s:name' to specify the correct one." % (module_name, module_name)
        for name in ('create_app', 'make_app'):
            factory = namespace.get(name)
            if callable(factory):
                return factory(), None
        return None, "Failed to find Flask application or factory in module '%s'. Use '%s:name' to specify one." % (module_name, module_name)

    def dispatch(self, app, method, path, query, headers, body, remote_addr, format_error=None):
        """-> (status, headers, body, error log text or None)"""
        self.app = app
        req = Request(method, path, query, dict(headers), body, remote_addr)
        _RequestProxy._current = req
        error_log = None
        try:
            try:
                for f in app.before_request_funcs:
                    rv = f()
                    if rv is not None:
                        raise _Early(rv)
                view, args, allowed = None, None, set()
                for rule in app.rules:
                    matched = rule.match(path)
                    if matched is None:
                        continue
                    if method in rule.methods:
                        view, args = app.view_functions[rule.endpoint], matched
                        self.endpoint = rule.endpoint
                        break
                    allowed |= rule.methods
                if view is None:
                    if method == 'OPTIONS' and allowed:
                        response = Response('', headers={'Allow': ', '.join(sorted(allowed))})
                        return self._finish(app, response, None)
                    raise (MethodNotAllowed() if allowed else NotFound())
                req.view_args = args
                response = _make_response(view(**args))
            except _Early as early:
                response = _make_response(early.rv)
            except HTTPException as error:
                handler = app.error_handlers.get(error.code)
                if handler is not None:
                    rv = handler(error)
                    response = _make_response(rv)
                    if not isinstance(rv, tuple) and response.status_code == 200:
                        response.status_code = error.code
                else:
                    response = Response(error.get_body(), error.code)
                    if error.code == 405:
                        response.headers['Allow'] = ', '.join(sorted(allowed))
            for f in app.after_request_funcs:
                response = f(response) or response
            return self._finish(app, response, None)
        except Exception as error:
            error_log = (format_error or self.format_error)(error)
            if app.debug:
                # Werkzeug's debugger answers: its page starts with the exception; the rest (the traceback as
                # HTML, a console) is not simulated. It logs the traceback after the request line, with no
                # "ERROR in app" line (flask.ts, which adds Flask's frames above the debugger's).
                title = ''.join(_traceback.format_exception_only(type(error), error))
                page = ('<!doctype html>\n<html lang=en>\n  <head>\n    <title>%s // Werkzeug Debugger</title>\n'
                        "[simulator] the rest of Werkzeug's debugger page (the traceback as HTML, with a console) is not simulated: the traceback is in the container's log\n") % title.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
                return (500, {'Content-Type': 'text/html; charset=utf-8'}, page, error_log, True)
            handler = app.error_handlers.get(500) or app.error_handlers.get(type(error))
            if handler is not None and not app.debug:
                response = _make_response(handler(InternalServerError()))
                if response.status_code == 200:
                    response.status_code = 500
            else:
                response = Response(InternalServerError().get_body(), 500)
            return self._finish(app, response, error_log)
        finally:
            _RequestProxy._current = None

    def _finish(self, app, response, error_log):
        return (response.status_code, dict(response.headers), response.get_data(as_text=True), error_log, False)

    def format_error(self, error):
        """Flask's log_exception: the user's frames of the traceback under the framework's own (see flask.ts)."""
        lines = _traceback.format_exception(type(error), error, error.__traceback__)
        # Frames of this module and of the shims are the simulator's, not the student's: the JS side puts
        # Flask's own frames in their place.
        kept, skip = [], False
        for line in lines:
            if line.startswith('  File "'):
                skip = line.startswith('  File "<sim:')
                if skip:
                    continue
            elif skip and line.startswith('    '):
                continue
            else:
                skip = False
            kept.append(line)
        return ''.join(kept)

class _Early(Exception):
    def __init__(self, rv):
        self.rv = rv

_sim_flask = _SimFlask()
`

/** `redis`: Redis(host, port).incr/get/set/ping…, over the simulated network to redis-server (redis-server.ts). */
export const REDIS_MODULE = String.raw`
import json as _json

__version__ = '7.4.0'

class RedisError(Exception):
    pass

class ConnectionError(RedisError):
    pass

class TimeoutError(RedisError):
    pass

class ResponseError(RedisError):
    pass

class DataError(RedisError):
    pass

for _e in (RedisError, ConnectionError, TimeoutError, ResponseError, DataError):
    _e.__module__ = 'redis.exceptions'

# flask.ts sets this to the container's network for each request: (host, port, json of args) -> json reply.
_sim_transport = None

class _SimNeedPeer(BaseException):
    """host:port is not looked up yet: flask.ts resolves it on the simulated network and dispatches again."""
    def __init__(self, host, port):
        super().__init__(host, port)
        self.host, self.port = host, port

def _encode(value):
    if isinstance(value, bytes):
        return value.decode('utf-8', 'surrogateescape')
    if isinstance(value, bool):
        raise DataError("Invalid input of type: 'bool'. Convert to a bytes, string, int or float first.")
    if isinstance(value, (int, float, str)):
        return str(value) if not isinstance(value, float) else repr(value)
    raise DataError("Invalid input of type: '%s'. Convert to a bytes, string, int or float first." % type(value).__name__)

class Redis:
    def __init__(self, host='localhost', port=6379, db=0, password=None, socket_timeout=None, decode_responses=False, **kwargs):
        self.host, self.port, self.db = host, int(port), db
        self.decode_responses = decode_responses
    @classmethod
    def from_url(cls, url, **kwargs):
        from urllib.parse import urlparse
        u = urlparse(url)
        return cls(host=u.hostname or 'localhost', port=u.port or 6379, **kwargs)
    def execute_command(self, *args):
        if _sim_transport is None:
            raise ConnectionError("[simulator] redis-py reaches the simulated network only from a Flask app's requests")
        reply = _json.loads(_sim_transport(self.host, self.port, _json.dumps([_encode(a) for a in args])))
        kind = reply['kind']
        if kind == 'need-peer':
            raise _SimNeedPeer(self.host, self.port)
        if kind == 'connection':
            import socket
            errno, text = reply['errno'], reply['text']
            cause = socket.gaierror(errno, text) if errno < 0 else ConnectionRefusedError(errno, text) if errno == 111 else OSError(errno, text)
            try:
                raise cause
            except OSError:
                # redis-py's format_error_message: "Error <errno> connecting to <host>:<port>. <strerror>."
                raise ConnectionError('Error %s connecting to %s:%s. %s.' % (errno, self.host, self.port, text))
        if kind == 'timeout':
            raise TimeoutError('Timeout connecting to server')
        if kind == 'error':
            raise ResponseError(reply['text'].split(' ', 1)[1] if reply['text'].startswith('ERR ') else reply['text'])
        if kind == 'integer':
            return reply['value']
        if kind == 'status':
            return True if reply['text'] == 'OK' else reply['text']
        value = reply['value']
        if value is None or self.decode_responses:
            return value
        return value.encode('utf-8', 'surrogateescape')
    def ping(self):
        return self.execute_command('PING') == 'PONG'
    def get(self, name):
        return self.execute_command('GET', name)
    def set(self, name, value, ex=None, px=None, nx=False, xx=False):
        args = ['SET', name, value]
        if ex is not None:
            args += ['EX', ex]
        if px is not None:
            args += ['PX', px]
        if nx:
            args.append('NX')
        if xx:
            args.append('XX')
        reply = self.execute_command(*args)
        return reply if reply is not None else None
    def incr(self, name, amount=1):
        return self.execute_command('INCRBY', name, amount)
    incrby = incr
    def decr(self, name, amount=1):
        return self.execute_command('DECRBY', name, amount)
    decrby = decr
    def delete(self, *names):
        return self.execute_command('DEL', *names)
    def exists(self, *names):
        return self.execute_command('EXISTS', *names)
    def flushall(self):
        return self.execute_command('FLUSHALL')
    def close(self):
        pass

StrictRedis = Redis
`

/**
 * `numpy`, only where the image installed it (flask_app's requirements): Pyodide's numpy wheel is not
 * shipped with the deck (it would add 5 MB to every student's download for one call), so this stands in
 * for the part the deck's app uses, numpy.random's uniform floats, and names every other use as missing.
 */
export const NUMPY_MODULE = String.raw`
import random as _random

__version__ = '2.4.6'

class _Random:
    def random(self, size=None):
        if size is None:
            return _random.random()
        return [_random.random() for _ in range(size)]
    def rand(self, *shape):
        return self.random(shape[0]) if shape else _random.random()
    def randint(self, low, high=None, size=None):
        if high is None:
            low, high = 0, low
        if size is None:
            return _random.randrange(low, high)
        return [_random.randrange(low, high) for _ in range(size)]
    def seed(self, seed=None):
        _random.seed(seed)
    def __getattr__(self, name):
        raise AttributeError("[simulator] numpy.random.%s is not simulated: the deck's numpy stand-in has random(), rand(), randint() and seed()" % name)

random = _Random()
pi = 3.141592653589793
e = 2.718281828459045

def __getattr__(name):
    raise AttributeError("[simulator] numpy.%s is not simulated: the deck's numpy stand-in has only numpy.random (random, rand, randint, seed)" % name)
`

/** The stand-in modules by the pip package that installs them. */
export const SHIM_MODULES: Readonly<Record<string, { module: string, source: string }>> = {
  flask: { module: 'flask', source: FLASK_MODULE },
  redis: { module: 'redis', source: REDIS_MODULE },
  numpy: { module: 'numpy', source: NUMPY_MODULE },
}
