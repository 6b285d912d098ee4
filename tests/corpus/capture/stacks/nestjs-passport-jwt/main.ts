// NestJS: @nestjs/passport AuthGuard('jwt') with a passport-jwt JwtStrategy (jwks-rsa), plus a
// scopes guard in the style of the docs' RolesGuard (returns false -> Nest's ForbiddenException).
import "reflect-metadata";
import { CanActivate, Controller, ExecutionContext, Get, Injectable, Module, Req, SetMetadata, UseGuards } from "@nestjs/common";
import { NestFactory, Reflector } from "@nestjs/core";
import { AuthGuard, PassportModule, PassportStrategy } from "@nestjs/passport";
import { ExtractJwt, Strategy } from "passport-jwt";
import { passportJwtSecret } from "jwks-rsa";

@Injectable()
class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({ jwksUri: process.env.JWKS_URL, cache: true }),
      issuer: "https://issuer.authtui.test/",
      audience: "https://api.authtui.test",
      algorithms: ["RS256"],
    });
  }
  validate(payload: any) {
    return { sub: payload.sub, scopes: (payload.scope || "").split(" ") };
  }
}

const Scopes = (...scopes: string[]) => SetMetadata("scopes", scopes);

@Injectable()
class ScopesGuard implements CanActivate {
  constructor(private reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.get<string[]>("scopes", context.getHandler());
    if (!required) return true;
    const user = context.switchToHttp().getRequest().user;
    return required.every((s) => user?.scopes?.includes(s));
  }
}

@Controller()
class ItemsController {
  @UseGuards(AuthGuard("jwt"))
  @Get("items")
  items(@Req() req: any) {
    return { items: ["a", "b"], sub: req.user.sub };
  }

  @UseGuards(AuthGuard("jwt"), ScopesGuard)
  @Scopes("items:write")
  @Get("admin")
  admin() {
    return { admin: true };
  }
}

@Module({ imports: [PassportModule], controllers: [ItemsController], providers: [JwtStrategy, ScopesGuard] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { logger: ["error", "warn"] });
  await app.listen(Number(process.env.PORT), "127.0.0.1");
}
bootstrap();
